using System.Collections.Immutable;

namespace OrleansNetOps.Planning.Runbooks;

/// <summary>
/// Known fault → known runbook: the fault mappings of <c>runbooks.yaml</c>, in file order. The first mapping that fits
/// an incident, and whose arguments the incident can fill, is its remedy.
/// </summary>
/// <param name="Mappings">The mappings, in file order.</param>
public sealed record RunbookCatalogue(ImmutableArray<FaultRunbook> Mappings)
{
    /// <summary>No mappings: no incident gets a runbook.</summary>
    public static RunbookCatalogue Empty { get; } = new([]);

    /// <summary>The runbook action for <paramref name="incident"/>, or null when no mapping fits it.</summary>
    /// <param name="incident">The incident.</param>
    /// <param name="skipped">Mappings that fit but could not be filled, with the missing field (for the timeline).</param>
    public RunbookProposal? Propose(IncidentFacts incident, out ImmutableArray<string> skipped)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var fields = incident.Fields();
        var missing = ImmutableArray.CreateBuilder<string>();
        foreach (var mapping in Mappings.Where(m => m.Match.Matches(incident)))
        {
            var absent = mapping.Arguments.Where(a => !fields.ContainsKey(a.Value)).Select(a => $"{a.Key} ← {a.Value}").ToList();
            if (absent.Count > 0)
            {
                missing.Add($"{mapping.Name}: the incident has no {string.Join(", ", absent)}");
                continue;
            }

            var runbookFields = fields.Where(f => !f.Key.StartsWith("evidence.", StringComparison.Ordinal))
                .Concat(mapping.Arguments.Select(a => KeyValuePair.Create(a.Key, fields[a.Value])))
                .GroupBy(f => f.Key, StringComparer.Ordinal)
                .ToImmutableSortedDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
            skipped = missing.ToImmutable();
            var arguments = string.Join(", ", mapping.Arguments.Select(a => $"{a.Key}={fields[a.Value]}"));
            return new RunbookProposal(mapping, runbookFields,
                $"known fault '{mapping.Name}': run {mapping.Runbook}" + (arguments.Length == 0 ? string.Empty : $" ({arguments})"));
        }

        skipped = missing.ToImmutable();
        return null;
    }
}
