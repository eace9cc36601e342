using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Lab.Scenarios;

/// <summary>Stops originating (router) or announcing (ISP) a prefix.</summary>
/// <param name="Node">A router or an ISP.</param>
/// <param name="Prefix">The prefix.</param>
public sealed record WithdrawPrefix(string Node, IpPrefix Prefix) : LabChange
{
    /// <inheritdoc />
    public override string Describe() => $"withdraw {Prefix} from {Node}";
}
