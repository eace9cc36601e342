using OrleansNetOps.Bgp.Attributes;

namespace OrleansNetOps.Bgp.Decision;

/// <summary>The outcome of the receive-side checks.</summary>
/// <param name="Verdict">Accepted or the loop that rejected the path.</param>
/// <param name="Attributes">The attributes as the router keeps them (e.g. LOCAL_PREF dropped from eBGP).</param>
public sealed record ReceiveResult(ReceiveVerdict Verdict, PathAttributes Attributes)
{
    /// <summary>True when the path may compete.</summary>
    public bool Accepted => Verdict == ReceiveVerdict.Accepted;
}
