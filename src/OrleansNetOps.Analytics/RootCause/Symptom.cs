using OrleansNetOps.Analytics.Findings;

namespace OrleansNetOps.Analytics.RootCause;

/// <summary>A finding read as a symptom: its class, where it sits on the topology, and how much it weighs.</summary>
/// <param name="Finding">The finding.</param>
/// <param name="Class">What it says.</param>
/// <param name="Location">Where.</param>
/// <param name="Weight">How much explaining it counts: by class, scaled by the finding's score.</param>
public sealed record Symptom(Finding Finding, SymptomClass Class, SymptomLocation Location, double Weight);
