using Orleans;

namespace OrleansNetOps.Analytics.Findings;

/// <summary>
/// The network object a finding is about, in the topology's terms. Ids by kind: router <c>R1</c>; session
/// <c>R1|203.0.113.1</c> (router and neighbour address); link <c>R1~ISP-A</c> (the two ends, as in topology.yaml);
/// ISP <c>ISP-A</c>; prefix <c>8.8.8.0/24</c>; interface <c>R1:eth0</c>; series <c>R1|/system/cpu/utilization</c>;
/// autonomous system <c>AS6175</c>.
/// </summary>
/// <param name="Kind">What sort of object.</param>
/// <param name="Id">Its id, as above.</param>
[GenerateSerializer, Immutable]
public sealed record FindingSubject(SubjectKind Kind, string Id)
{
    /// <inheritdoc />
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}:{Id}";
}
