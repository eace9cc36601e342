namespace OrleansNetOps.Governance.Autonomy;

/// <summary>A scope that was dropped to passive by its own track record; it stays there until an admin sets its phase.</summary>
/// <param name="Scope">The exact scope.</param>
/// <param name="At">When.</param>
/// <param name="Accuracy">Accuracy at that moment.</param>
/// <param name="FalsePositiveRate">False-positive rate at that moment.</param>
/// <param name="Samples">Outcomes judged.</param>
/// <param name="Reason">Which bound it left.</param>
public sealed record AutonomyDemotion(AutonomyScope Scope, DateTimeOffset At, double Accuracy, double FalsePositiveRate, int Samples, string Reason);
