using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Runtime;

namespace OrleansNetOps.Grains.Twin;

/// <summary>One router's node of the twin graph (key: router id): its policy and its live inputs.</summary>
public interface IRouterTwinGrain : IGrainWithStringKey
{
    /// <summary>Its current inputs, synced from the router grain.</summary>
    Task<RouterTwinInputs> GetInputsAsync();

    /// <summary>Replaces its policy (after a committed change, or when the configuration is read from the router).</summary>
    Task SetPolicyAsync(RoutingPolicy policy);
}
