namespace OrleansNetOps.Grains.Twin;

/// <summary>One router's node of the twin graph (key: router id): its live inputs.</summary>
public interface IRouterTwinGrain : IGrainWithStringKey
{
    /// <summary>Its current inputs, synced from the router grain.</summary>
    Task<RouterTwinInputs> GetInputsAsync();
}
