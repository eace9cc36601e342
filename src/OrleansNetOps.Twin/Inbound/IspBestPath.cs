using Orleans;
namespace OrleansNetOps.Twin.Inbound;

/// <summary>One ISP's best path to one of our prefixes before and after a what-if.</summary>
/// <param name="Prefix">Our prefix.</param>
/// <param name="Before">How the ISP reached it before, or null (no path).</param>
/// <param name="After">After, or null.</param>
[GenerateSerializer, Immutable]
public sealed record IspBestPath(string Prefix, IspEntry? Before, IspEntry? After)
{
    /// <summary>True when the ISP's way in changed (router, session, AS path, MED or any other attribute).</summary>
    public bool Changed => !(Before is null ? After is null : After is not null && Before.Router == After.Router && Before.Link == After.Link && Before.Route.SameAs(After.Route));
}
