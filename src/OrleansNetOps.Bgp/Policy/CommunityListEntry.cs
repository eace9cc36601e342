using OrleansNetOps.Bgp.Attributes;

namespace OrleansNetOps.Bgp.Policy;

/// <summary>
/// <c>bgp community-list standard NAME seq N permit|deny VALUE...</c>. The entry matches a route carrying
/// every one of <paramref name="Values"/>; <c>internet</c> (0:0) among them matches any route.
/// </summary>
/// <param name="Sequence">Evaluation order.</param>
/// <param name="Action">Permit or deny.</param>
/// <param name="Values">Community values.</param>
public sealed record CommunityListEntry(int Sequence, AccessAction Action, EquatableArray<Community> Values)
{
    /// <summary>True when this entry matches everything (FRR's <c>internet</c>).</summary>
    public bool IsAny => Values.Contains(CommunityText.Internet);
}
