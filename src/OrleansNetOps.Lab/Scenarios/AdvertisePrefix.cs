using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Lab.Scenarios;

/// <summary>Originates a prefix on a router, or announces one from an ISP (with an AS path behind it and a MED).</summary>
/// <param name="Node">A router or an ISP.</param>
/// <param name="Prefix">The prefix.</param>
/// <param name="AsPath">ISPs only: ASes behind the ISP, as in the topology's announcements.</param>
/// <param name="Med">ISPs only: MED to send.</param>
/// <param name="Communities">ISPs only: standard communities to attach (<c>AA:NN</c> or well-known names).</param>
public sealed record AdvertisePrefix(string Node, IpPrefix Prefix, IReadOnlyList<uint>? AsPath = null, uint? Med = null, IReadOnlyList<string>? Communities = null) : LabChange
{
    /// <inheritdoc />
    public override string Describe() =>
        $"advertise {Prefix} from {Node}{(AsPath is { Count: > 0 } ? " as-path " + string.Join(' ', AsPath) : string.Empty)}{(Med is { } med ? $" med {med}" : string.Empty)}"
        + (Communities is { Count: > 0 } ? " communities " + string.Join(' ', Communities) : string.Empty);
}
