using OrleansNetOps.Governance.Autonomy;

namespace OrleansNetOps.Grains.Coordination;

/// <summary>How an action turned out, for its scope's track record.</summary>
/// <param name="ActionId">The action.</param>
/// <param name="Domain">Its scope's domain.</param>
/// <param name="DeviceClass">Its scope's device class.</param>
/// <param name="Category">Its scope's action category.</param>
/// <param name="Outcome">How it turned out.</param>
/// <param name="Source"><c>verification</c> (the resolver's VALIDATING step) or <c>feedback</c> (an engineer's verdict); each counts once per action.</param>
[GenerateSerializer, Immutable]
public sealed record OutcomeReport(string ActionId, string Domain, string DeviceClass, string Category, OutcomeKind Outcome, string Source)
{
    /// <summary>The scope.</summary>
    public AutonomyScope Scope => new(Domain, DeviceClass, Category);
}
