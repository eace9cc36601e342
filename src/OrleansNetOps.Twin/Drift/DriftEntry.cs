using Orleans;

namespace OrleansNetOps.Twin.Drift;

/// <summary>One difference between the twin and the live network.</summary>
/// <param name="Router">Router id.</param>
/// <param name="Prefix">The prefix.</param>
/// <param name="Kind"><c>missing-in-twin</c>, <c>missing-live</c> or <c>different</c>.</param>
/// <param name="Detail">What differs, e.g. <c>next hop: twin 198.51.100.18, live 198.51.100.22</c>.</param>
[GenerateSerializer, Immutable]
public sealed record DriftEntry(string Router, string Prefix, string Kind, string Detail);
