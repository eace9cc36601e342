using System.Collections.Immutable;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Planning.Runbooks;

namespace OrleansNetOps.Grains.Incidents;

/// <summary>How an incident meets the runbook catalogue: the facts a fault mapping matches, and the evidence data kept for it.</summary>
internal static class IncidentRunbooks
{
    private const int MaxData = 32;

    /// <summary>A finding's evidence data, merged (later evidence wins), bounded so a chatty detector cannot bloat the incident.</summary>
    public static ImmutableSortedDictionary<string, string> Data(Finding finding)
    {
        var data = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in finding.Evidence.SelectMany(e => e.Data))
        {
            if (data.Count < MaxData || data.ContainsKey(key))
            {
                data[key] = value;
            }
        }

        return data.ToImmutable();
    }

    /// <summary>
    /// The runbook for <paramref name="record"/>, or null; <paramref name="note"/> names mappings that fit but could not
    /// be filled (empty when none), for the timeline.
    /// </summary>
    public static RunbookProposal? Propose(RunbookCatalogue catalogue, IncidentRecord record, out string note)
    {
        var evidence = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var item in record.Evidence.OrderBy(e => e.At))
        {
            foreach (var (key, value) in item.Data)
            {
                evidence[key] = value;
            }
        }

        var facts = new IncidentFacts(record.Id, record.Title, record.Severity, record.Fault.Kind)
        {
            FindingKinds = [.. record.Evidence.Select(e => e.Kind).Distinct(StringComparer.Ordinal)],
            Routers = record.Routers,
            Evidence = evidence.ToImmutable(),
        };
        var proposal = catalogue.Propose(facts, out var skipped);
        note = skipped.IsEmpty ? string.Empty : " (" + string.Join("; ", skipped) + ")";
        return proposal;
    }
}
