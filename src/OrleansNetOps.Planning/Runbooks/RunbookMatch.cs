using System.Collections.Immutable;
using System.Text.RegularExpressions;
using OrleansNetOps.Planning.Faults;

namespace OrleansNetOps.Planning.Runbooks;

/// <summary>
/// Which incidents a fault mapping is for. Every criterion given must hold; a list holds when any of its entries does.
/// At least one criterion is given (the reader refuses a mapping that would take every incident).
/// </summary>
public sealed record RunbookMatch
{
    private static readonly TimeSpan s_regexLimit = TimeSpan.FromMilliseconds(100);

    /// <summary>Fault kinds the planner read from the evidence.</summary>
    public ImmutableArray<FaultKind> FaultKinds { get; init; } = [];

    /// <summary>Finding kinds any of the incident's findings has (<c>external-alert</c>).</summary>
    public ImmutableArray<string> FindingKinds { get; init; } = [];

    /// <summary>A regular expression the title must contain a match of (case-insensitive).</summary>
    public string? Title { get; init; }

    /// <summary>Routers (or alerting hosts) the incident must involve one of.</summary>
    public ImmutableArray<string> Routers { get; init; } = [];

    /// <summary>Services the incident must be about one of.</summary>
    public ImmutableArray<string> Services { get; init; } = [];

    /// <summary>Evidence data that must be present with exactly these values (an alert's <c>alertname</c>).</summary>
    public ImmutableSortedDictionary<string, string> Evidence { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>True when no criterion is given.</summary>
    public bool IsEmpty => FaultKinds.IsDefaultOrEmpty && FindingKinds.IsDefaultOrEmpty && Title is null && Routers.IsDefaultOrEmpty
        && Services.IsDefaultOrEmpty && Evidence.IsEmpty;

    /// <summary>Whether <paramref name="incident"/> fits.</summary>
    public bool Matches(IncidentFacts incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return !IsEmpty
            && (FaultKinds.IsDefaultOrEmpty || FaultKinds.Contains(incident.Fault))
            && (FindingKinds.IsDefaultOrEmpty || FindingKinds.Any(k => incident.FindingKinds.Contains(k, StringComparer.Ordinal)))
            && (Title is null || TitleMatches(Title, incident.Title))
            && (Routers.IsDefaultOrEmpty || Routers.Any(r => incident.Routers.Contains(r, StringComparer.Ordinal)))
            && (Services.IsDefaultOrEmpty || incident.Service is { } service && Services.Contains(service, StringComparer.Ordinal))
            && Evidence.All(e => incident.Evidence.TryGetValue(e.Key, out var value) && string.Equals(value, e.Value, StringComparison.Ordinal));
    }

    /// <summary>Whether <paramref name="pattern"/> is a regular expression the matcher accepts; the problem when not.</summary>
    public static string? CheckTitle(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_regexLimit);
            return null;
        }
        catch (ArgumentException exception)
        {
            return exception.Message;
        }
    }

    // A pathological pattern against a long title counts as no match rather than holding the incident up.
    private static bool TitleMatches(string pattern, string title)
    {
        try
        {
            return Regex.IsMatch(title, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_regexLimit);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
