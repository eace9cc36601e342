using System.Collections.Immutable;

namespace OrleansNetOps.Planning.Validation;

/// <summary>The SLA check's verdict on an applied change.</summary>
/// <param name="Keep">True when the change stays; false asks for the rollback.</param>
/// <param name="Reasons">What was measured and compared, for the audit; on a rollback, why.</param>
public sealed record SlaCheckResult(bool Keep, ImmutableArray<string> Reasons);
