using System.Collections.Immutable;
using OrleansNetOps.Planning.Faults;

namespace OrleansNetOps.Planning.Runbooks;

/// <summary>What a fault mapping can match an incident on, and the fields a runbook's arguments can take from it.</summary>
/// <param name="Id">The incident's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Severity"><c>info</c>, <c>minor</c>, <c>major</c> or <c>critical</c>.</param>
/// <param name="Fault">The fault kind the planner read from its evidence.</param>
public sealed record IncidentFacts(string Id, string Title, string Severity, FaultKind Fault)
{
    /// <summary>The kinds of its findings (<c>external-alert</c>, <c>session-down</c>...).</summary>
    public ImmutableArray<string> FindingKinds { get; init; } = [];

    /// <summary>The routers (or hosts an alert named) it involves, in order.</summary>
    public ImmutableArray<string> Routers { get; init; } = [];

    /// <summary>Its evidence's data (an alert's labels...), the newest finding's value where several disagree.</summary>
    public ImmutableSortedDictionary<string, string> Evidence { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>The service it is about: the evidence's <c>service</c> label, when there is one.</summary>
    public string? Service => Evidence.GetValueOrDefault("service");

    /// <summary>
    /// Every field a mapping's arguments may name: <c>incident.id</c>, <c>incident.title</c>, <c>incident.severity</c>,
    /// <c>router</c> (the first), <c>service</c> when known, and <c>evidence.KEY</c> for each evidence datum.
    /// </summary>
    public ImmutableSortedDictionary<string, string> Fields()
    {
        var fields = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        fields["incident.id"] = Id;
        fields["incident.title"] = Title;
        fields["incident.severity"] = Severity;
        if (!Routers.IsDefaultOrEmpty)
        {
            fields["router"] = Routers[0];
        }

        if (Service is { } service)
        {
            fields["service"] = service;
        }

        foreach (var (key, value) in Evidence)
        {
            fields["evidence." + key] = value;
        }

        return fields.ToImmutable();
    }
}
