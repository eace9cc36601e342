namespace OrleansNetOps.Bgp.Policy;

/// <summary><c>bgp as-path access-list NAME seq N permit|deny REGEX</c>.</summary>
/// <param name="Sequence">Evaluation order.</param>
/// <param name="Action">Permit or deny.</param>
/// <param name="Pattern">FRR/Cisco regular expression (see <see cref="AsPathRegex"/>).</param>
public sealed record AsPathAccessListEntry(int Sequence, AccessAction Action, string Pattern);
