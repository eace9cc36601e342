using System.Collections.Immutable;

namespace OrleansNetOps.Governance.Verification;

/// <summary>The SLA verifier's conclusion over every probed path.</summary>
/// <param name="Verdict">Roll back or keep, with every rule that fired (paths not judged add no reason here).</param>
/// <param name="Paths">Each path with its aggregates, in the order given.</param>
public sealed record SlaVerification(VerificationVerdict Verdict, ImmutableArray<PathJudgement> Paths)
{
    /// <summary>True when no path had enough samples on both sides: the verdict keeps the change for want of evidence.</summary>
    public bool Inconclusive => Paths.All(p => !p.Judged);

    /// <summary>The judged pairs, in the shape the audit record of a verification takes.</summary>
    public IEnumerable<(string Subject, SlaSample Before, SlaSample After)> Samples =>
        Paths.Where(p => p.Judged).Select(p => (p.Path, p.Before!, p.After!));
}
