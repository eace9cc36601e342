namespace OrleansNetOps.Analytics.Logs;

/// <summary>
/// Templates for a whole file, offline: every line is mined in order, then each line is given the final template of
/// the group it ended in (two passes, as loghub scores a parser: later lines may generalise or merge the template an
/// earlier line joined).
/// </summary>
public static class LogTemplateBatch
{
    /// <summary>The settings offline runs use: the defaults, with room for a big file's templates.</summary>
    public static LogTemplateOptions Options { get; } = LogTemplateOptions.Default with { MaxTemplates = 100_000 };

    /// <summary>The template of every line.</summary>
    /// <param name="lines">The lines, without line breaks.</param>
    /// <param name="format">The layout whose Content field is mined; null to mine each whole line. A line that does not
    /// have the layout is mined whole (and marked so).</param>
    /// <param name="options">Miner settings; <see cref="Options"/> when null.</param>
    public static IReadOnlyList<LineTemplate> Assign(IEnumerable<string> lines, LogFormat? format = null, LogTemplateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var miner = new LogTemplateMiner(options ?? Options);
        var seen = new List<(string Id, string Template, bool Matched)>();
        foreach (var line in lines)
        {
            string? content = null;
            var matched = format is null || format.TryGetContent(line, out content);
            // Offline lines carry no trusted time; they all sit at one instant, which only first/last seen would show.
            var observation = miner.Observe(content ?? line, DateTimeOffset.UnixEpoch);
            seen.Add((observation.TemplateId, observation.Template, matched));
        }

        var result = new LineTemplate[seen.Count];
        var finals = new Dictionary<string, LogTemplate?>(StringComparer.Ordinal);
        for (var i = 0; i < seen.Count; i++)
        {
            var (id, template, matched) = seen[i];
            if (!finals.TryGetValue(id, out var final))
            {
                finals[id] = final = miner.Resolve(id);
            }

            // A template forgotten under memory pressure keeps the text it had when the line joined it.
            result[i] = new LineTemplate(i + 1, final?.Id ?? id, final?.Template ?? template, matched);
        }

        return result;
    }
}
