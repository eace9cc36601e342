using System.Collections.Immutable;
using System.Globalization;
using OrleansNetOps.Analytics.Findings;

namespace OrleansNetOps.Analytics.Logs;

/// <summary>Findings about new and rare log templates.</summary>
internal static class LogTemplateFindings
{
    /// <summary>Score of a new template: a moderate signal on its own; correlation weighs it with the rest.</summary>
    public const double NewScore = 0.6;

    /// <summary>
    /// A finding about the template a router's line belongs to. A new template scores <see cref="NewScore"/>; a rare
    /// one scores from 0.3 (share just under the rare share) to 0.6 (share near zero).
    /// </summary>
    public static Finding Create(bool isNew, string router, string line, DateTimeOffset at, string templateId, string template,
        long count, long lines, LogTemplateOptions options)
    {
        var kind = isNew ? FindingKind.NewLogTemplate : FindingKind.RareLogTemplate;
        var share = (double)count / lines;
        var score = isNew ? NewScore : 0.3 + (0.3 * Math.Clamp(1 - (share / options.RareShare), 0, 1));
        var subject = new FindingSubject(SubjectKind.Router, router);
        var summary = isNew
            ? $"{router} logged a line of a new template {templateId}: {template}"
            : string.Create(CultureInfo.InvariantCulture, $"{router} logged a line of a rare template {templateId} ({count} of {lines} lines): {template}");
        var evidence = new Evidence(at, "syslog", line)
        {
            Data = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
            {
                ["templateId"] = templateId,
                ["template"] = template,
                ["count"] = count.ToString(CultureInfo.InvariantCulture),
                ["lines"] = lines.ToString(CultureInfo.InvariantCulture),
                ["share"] = share.ToString("G6", CultureInfo.InvariantCulture),
            }),
        };

        return new Finding
        {
            // The template is part of the identity: two templates first seen in the same millisecond on one router
            // are two observations.
            Id = FindingId.Create(kind, new FindingSubject(SubjectKind.Router, $"{router}|{templateId}"), at),
            At = at,
            Router = router,
            Kind = kind,
            Score = score,
            Summary = summary,
            Subject = subject,
            Evidence = [evidence],
        };
    }
}
