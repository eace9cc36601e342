namespace OrleansNetOps.Governance.Risk;

/// <summary>
/// Data sensitivity and compliance of the traffic to a prefix: an action that touches an overlapping prefix takes
/// these levels when they are higher than the defaults.
/// </summary>
/// <param name="Prefix">The prefix, e.g. <c>203.0.113.0/24</c>.</param>
/// <param name="DataSensitivity">A level of <c>risk.dataSensitivity</c>, or null to leave it.</param>
/// <param name="Compliance">A level of <c>risk.compliance</c>, or null to leave it.</param>
public sealed record PrefixClassification(string Prefix, string? DataSensitivity, string? Compliance);
