using System.Collections.Immutable;
using System.Globalization;
using OrleansNetOps.Analytics.Correlation;
using OrleansNetOps.Analytics.Findings;

namespace OrleansNetOps.Analytics.Bgp;

/// <summary>How the BGP detectors word their findings and evidence, so they all look alike.</summary>
internal static class DetectorFindings
{
    /// <summary>A finding with its deterministic id and one piece of evidence.</summary>
    public static Finding Create(
        FindingKind kind,
        FindingSubject subject,
        DateTimeOffset at,
        string? router,
        double score,
        string summary,
        Evidence evidence) => new()
        {
            Id = FindingId.Create(kind, subject, at),
            At = at,
            Router = router,
            Kind = kind,
            Score = Math.Clamp(score, 0, 1),
            Summary = summary,
            Subject = subject,
            Evidence = [evidence],
        };

    /// <summary>A finding about the prefix of a route update, with the update as its evidence (<c>bmp</c> for our routers, <c>mrt</c> for a collector's).</summary>
    public static Finding ForUpdate(
        FindingKind kind,
        RouteUpdate update,
        double score,
        string summary,
        string description,
        params (string Key, string Value)[] data) =>
        Create(
            kind,
            Subjects.Prefix(update.Prefix),
            update.At,
            update.Router,
            score,
            summary,
            Evidence(update.At, update.Router is null ? "mrt" : "bmp", description, [("prefix", update.Prefix.ToString()), ("vantage", update.Vantage), .. data]));

    /// <summary>Evidence with machine-readable data.</summary>
    public static Evidence Evidence(DateTimeOffset at, string source, string description, params (string Key, string Value)[] data) =>
        new(at, source, description)
        {
            Data = data.ToImmutableSortedDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal),
        };

    /// <summary>A number as evidence data carries it: invariant culture, at most three decimals.</summary>
    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A time as evidence data carries it: ISO 8601, UTC.</summary>
    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>An AS path as text, nearest AS first.</summary>
    public static string Path(IEnumerable<uint> asns) => string.Join(' ', asns);
}
