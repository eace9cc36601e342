namespace OrleansNetOps.Grains.Actions;

/// <summary>A proposed change as it reaches its resolver: an operator's <c>POST /api/v1/actions</c> or an agent's plan.</summary>
/// <param name="Router">Our router, by topology id.</param>
/// <param name="Action">Catalogue name.</param>
/// <param name="ParamsJson">The <c>params</c> object as JSON.</param>
/// <param name="Reason">Why, in the proposer's words.</param>
/// <param name="Requester">Who proposes (an operator's name or an agent's identity).</param>
/// <param name="Domain">The coordinator domain.</param>
/// <param name="Confidence">How sure the proposer is that it helps (0..1).</param>
/// <param name="IdempotencyKey">The key the action id was derived from, if any.</param>
/// <param name="IncidentId">The incident it is for, if any.</param>
[GenerateSerializer, Immutable]
public sealed record ActionProposal(string Router, string Action, string ParamsJson, string Reason, string Requester, string Domain, double Confidence,
    string? IdempotencyKey, string? IncidentId)
{
    /// <summary>The severity of the incident it answers (<c>info|minor|major|critical</c>); null for an operator's own proposal (counted <c>minor</c>).</summary>
    [Id(9)]
    public string? Severity { get; init; }

    /// <summary>How much of the service that incident touches, 0..1 (the share of our routers involved).</summary>
    [Id(10)]
    public double ServiceImpact { get; init; }

    /// <summary>A <c>RUNBOOK</c>'s fields from the incident, as a JSON object of strings; null for router changes.</summary>
    [Id(11)]
    public string? FieldsJson { get; init; }

    /// <summary>A <c>RUNBOOK</c>'s tier as its fault mapping declares it (<c>T1</c>, <c>T2</c>, <c>T3</c>); null: T3.</summary>
    [Id(12)]
    public string? DeclaredTier { get; init; }
}
