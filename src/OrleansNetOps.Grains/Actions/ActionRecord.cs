using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Drivers;
using OrleansNetOps.Governance.Approvals;
using OrleansNetOps.Governance.Decisions;
using OrleansNetOps.Planning.Workflow;

namespace OrleansNetOps.Grains.Actions;

/// <summary>Everything a resolver knows about its action, persisted whole after every step.</summary>
internal sealed record ActionRecord
{
    public required string Id { get; init; }

    public string? IncidentId { get; init; }

    public string? Severity { get; init; }

    public double ServiceImpact { get; init; }

    public required string Router { get; init; }

    public required string Action { get; init; }

    public ActionParameters Parameters { get; init; } = new();

    /// <summary>A runbook's fields from its incident (what its templates read); empty for router changes.</summary>
    public System.Collections.Immutable.ImmutableSortedDictionary<string, string> Fields { get; init; } =
        System.Collections.Immutable.ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>A runbook's tier as its fault mapping declares it.</summary>
    public OrleansNetOps.Governance.Tiers.Tier? DeclaredTier { get; init; }

    public string Reason { get; init; } = string.Empty;

    public required string Requester { get; init; }

    public required string Domain { get; init; }

    public double Confidence { get; init; }

    public string? IdempotencyKey { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required ActionWorkflow Workflow { get; init; }

    public GovernanceDecision? Decision { get; init; }

    public TwinVerdict? Twin { get; init; }

    public string? WhatIfJson { get; init; }

    public ApprovalRequest? Approval { get; init; }

    public DeviceSnapshot? Snapshot { get; init; }

    public string? ExecutionJson { get; init; }

    /// <summary>The probe windows the change is judged over; fixed when it is applied.</summary>
    public VerificationWindows? Windows { get; init; }

    /// <summary>The SLA verification in its API shape (<see cref="VerificationReport"/>); null until judged.</summary>
    public string? VerificationJson { get; init; }

    /// <summary>Why the pending step is not running yet (a lease, the kill switch, a rate limit, a device to retry).</summary>
    public string? Waiting { get; init; }

    /// <summary>Failed attempts of the pending step's device call in a row (reset when one succeeds).</summary>
    public int DeviceFailures { get; init; }

    /// <summary>When the failed device call is tried again; null when none failed.</summary>
    public DateTimeOffset? DeviceRetryAt { get; init; }
}
