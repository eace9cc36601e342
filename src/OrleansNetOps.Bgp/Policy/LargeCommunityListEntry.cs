using OrleansNetOps.Bgp.Attributes;

namespace OrleansNetOps.Bgp.Policy;

/// <summary><c>bgp large-community-list standard NAME seq N permit|deny G:L1:L2...</c>: matches a route carrying every value.</summary>
/// <param name="Sequence">Evaluation order.</param>
/// <param name="Action">Permit or deny.</param>
/// <param name="Values">Large community values.</param>
public sealed record LargeCommunityListEntry(int Sequence, AccessAction Action, EquatableArray<LargeCommunity> Values);
