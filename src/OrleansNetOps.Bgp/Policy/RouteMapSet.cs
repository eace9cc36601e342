namespace OrleansNetOps.Bgp.Policy;

/// <summary>A route-map set clause.</summary>
public abstract record RouteMapSet
{
    private protected RouteMapSet()
    {
    }

    /// <summary>The route after this clause.</summary>
    public abstract PolicyRoute Apply(PolicyRoute route, RoutingPolicy policy);

    // FRR starts from 0 when the attribute is absent and clamps +/- to the 32-bit range.
    private protected static uint Adjust(uint? current, uint value, ValueOperation operation) => operation switch
    {
        ValueOperation.Add => (uint)Math.Min(uint.MaxValue, (ulong)(current ?? 0) + value),
        ValueOperation.Subtract => (current ?? 0) > value ? (current ?? 0) - value : 0,
        _ => value,
    };
}
