using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Governance.Tiers;

namespace OrleansNetOps.Governance.Decisions;

/// <summary>A change someone (an agent or an operator) wants to make, with the twin's verdict on it.</summary>
public sealed record ProposedAction
{
    /// <summary>The action name of a runbook run: an IT system's remedy (a deployment rollback) that changes no routing.</summary>
    public const string Runbook = "RUNBOOK";

    /// <summary>The action's id.</summary>
    public required string ActionId { get; init; }

    /// <summary>Our router, by topology id.</summary>
    public required string Router { get; init; }

    /// <summary>Catalogue name (<see cref="TwinActionNames"/>), e.g. <c>LOCAL_PREF_ADJUST</c>.</summary>
    public required string Action { get; init; }

    /// <summary>Its parameters.</summary>
    public ActionParameters Parameters { get; init; } = new();

    /// <summary>How sure the proposer is that this fixes the problem (0..1).</summary>
    public required double Confidence { get; init; }

    /// <summary>The twin's what-if of exactly this change; null when it was not run (only NO_ACTION and a runbook may go without).</summary>
    public TwinVerdict? Twin { get; init; }

    /// <summary>Who proposes it: an operator's name or an agent's identity (e.g. <c>resolver/act-42</c>).</summary>
    public required string Requester { get; init; }

    /// <summary>The coordinator domain.</summary>
    public string Domain { get; init; } = "default";

    /// <summary>The router's role in <c>topology.yaml</c> (edge, route-reflector, spine, core).</summary>
    public required string DeviceClass { get; init; }

    /// <summary>A data-sensitivity level the proposer asserts (a level of <c>risk.dataSensitivity</c>); it may raise the derived level, never lower it.</summary>
    public string? DataSensitivity { get; init; }

    /// <summary>A compliance level the proposer asserts (a level of <c>risk.compliance</c>); raises only.</summary>
    public string? Compliance { get; init; }

    /// <summary>
    /// For a <see cref="Runbook"/>, the tier its fault mapping declares: the twin has no model of an IT system, so its
    /// blast radius cannot be measured and the tier cannot be derived. Null: T3. Ignored for every other action.
    /// </summary>
    public Tier? DeclaredTier { get; init; }

    /// <summary>Whether this is a runbook run.</summary>
    public bool IsRunbook => string.Equals(Action, Runbook, StringComparison.Ordinal);
}
