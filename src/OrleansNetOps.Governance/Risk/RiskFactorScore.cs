namespace OrleansNetOps.Governance.Risk;

/// <summary>One factor's contribution to a risk score.</summary>
/// <param name="Factor"><c>reversibility</c>, <c>scope</c>, <c>dataSensitivity</c> or <c>compliance</c>.</param>
/// <param name="Level">The level it took.</param>
/// <param name="Points">Its points.</param>
/// <param name="Why">How the level was chosen.</param>
public sealed record RiskFactorScore(string Factor, string Level, int Points, string Why);
