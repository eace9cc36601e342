using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Lab.Scenarios;

/// <summary>Filters one prefix (exact match) out of the session.</summary>
/// <param name="Prefix">The prefix.</param>
public sealed record DenyPrefix(IpPrefix Prefix) : PolicyAction
{
    /// <inheritdoc />
    public override string ToString() => $"deny={Prefix}";
}
