namespace OrleansNetOps.Grains.Twin;

/// <summary>What <c>POST /api/v1/twin/scenarios</c> asks for, as it crosses the grain call.</summary>
/// <param name="Kinds">Failure kinds by their API names (<c>LINK_CUT</c>, …); empty means all.</param>
/// <param name="Count">How many scenarios.</param>
/// <param name="Seed">The generator's seed (same seed, same topology: same scenarios).</param>
/// <param name="MaxFailures">At most this many failures at once per scenario.</param>
[GenerateSerializer, Immutable]
public sealed record ScenarioQuery(IReadOnlyList<string> Kinds, int Count, int Seed, int MaxFailures);
