using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace OrleansNetOps.Analytics.Logs;

/// <summary>
/// Online log-template miner of the Drain family (He et al., ICWS 2017), with the changes that make it accurate without
/// per-source tuning:
/// <list type="bullet">
/// <item>lines are masked by <see cref="LogMasker"/> (numbers, addresses, ids, paths, dates) before mining;</item>
/// <item>a line is compared only with templates of the same token count and leading tokens (Drain's tree), joins the
/// most similar one when similarity reaches the threshold (template wildcards count for
/// <see cref="LogTemplateOptions.WildcardWeight"/>), and turns the positions where it differs into wildcards;</item>
/// <item>a line that fits a template exactly always joins it; a line that would change more than
/// <see cref="LogTemplateOptions.MaxWordConflicts"/> constant words, or any constant word of a settled template
/// (<see cref="LogTemplateOptions.SettledAfter"/>), starts a template of its own instead;</item>
/// <item>when a template generalises, it absorbs the templates of its leaf it now covers; the merged template keeps
/// the older id and the other id becomes an alias.</item>
/// </list>
/// Template ids are stable: <c>t-</c> and the first 16 hex digits of the SHA-256 of the masked line that created the
/// template, kept while the template generalises; the same lines in the same order give the same ids.
/// Memory is bounded: at most <see cref="LogTemplateOptions.MaxTemplates"/> templates (and as many aliases); beyond
/// that the least recently matched template is forgotten. Tokens are interned in a table of at most 16,384 entries.
/// Time is passed in; nothing here reads a clock. Not thread-safe: one owner (a grain) calls it.
/// </summary>
public sealed class LogTemplateMiner
{
    private const int MaxAliasHops = 64;

    private readonly LogTemplateOptions options;
    private readonly TemplateTree tree;
    private readonly Dictionary<string, TemplateCluster> byId = new(StringComparer.Ordinal);
    private readonly LinkedList<TemplateCluster> recency = new();
    private readonly OrderedDictionary<string, string> aliases = new(StringComparer.Ordinal);
    private readonly List<string> line = [];
    private readonly TokenTable tokenTable = new(16_384);
    private long lines;
    private DateTimeOffset? firstLineAt;
    private DateTimeOffset? latestLineAt;

    /// <summary>A miner with nothing learned.</summary>
    /// <param name="options">Settings; <see cref="LogTemplateOptions.Default"/> when null.</param>
    public LogTemplateMiner(LogTemplateOptions? options = null)
    {
        this.options = options ?? LogTemplateOptions.Default;
        this.options.Validate();
        tree = new TemplateTree(this.options.LeadingTokens, this.options.MaxChildren);
    }

    /// <summary>The settings in use.</summary>
    public LogTemplateOptions Options => options;

    /// <summary>Lines observed in all.</summary>
    public long LineCount => lines;

    /// <summary>Templates currently known.</summary>
    public int TemplateCount => byId.Count;

    /// <summary>Learns from one line and says which template it belongs to.</summary>
    /// <param name="content">The message (for syslog, MSG; for a log file, the content field).</param>
    /// <param name="at">The line's time.</param>
    /// <param name="router">The router the line came from; findings are produced only when it is given.</param>
    public LogTemplateObservation Observe(string content, DateTimeOffset at, string? router = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var learned = IsLearned(at);
        lines++;
        firstLineAt ??= at;
        latestLineAt = latestLineAt is { } latest && latest > at ? latest : at;
        LogMasker.Tokenize(content, line, tokenTable);

        var template = Match(tree.Leaf(line));
        var isNew = template is null;
        if (template is null)
        {
            template = Create(at);
        }
        else
        {
            template.Count++;
            Seen(template, at);
            if (template.Generalise(line))
            {
                AbsorbCovered(template);
            }
        }

        Touch(template);
        var rare = learned && IsRare(template);
        var finding = learned && router is not null && (isNew || rare) && FindingDue(template, at)
            ? LogTemplateFindings.Create(isNew, router, content, at, template.Id, template.Text, template.Count, lines, options)
            : null;
        if (finding is not null)
        {
            template.LastFindingAt = at;
        }

        if (byId.Count > options.MaxTemplates)
        {
            Forget(recency.First!.Value);
        }

        return new LogTemplateObservation(template.Id, template.Text, isNew, rare, finding);
    }

    /// <summary>The id of the template a line fits now, without learning from it; null when it fits none.</summary>
    /// <param name="content">The message.</param>
    public string? Classify(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        LogMasker.Tokenize(content, line);
        return Match(tree.Leaf(line))?.Id;
    }

    /// <summary>The template an id names now, following merges; null when it was forgotten or never existed.</summary>
    /// <param name="id">A template id, possibly one that was merged into another.</param>
    public LogTemplate? Resolve(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        for (var hop = 0; hop < MaxAliasHops; hop++)
        {
            if (byId.TryGetValue(id, out var template))
            {
                return View(template);
            }

            if (!aliases.TryGetValue(id, out var next))
            {
                return null;
            }

            id = next;
        }

        return null;
    }

    /// <summary>The templates known now, oldest id first.</summary>
    public ImmutableArray<LogTemplate> Templates() =>
        [.. byId.Values.OrderBy(t => t.IdBorn).Select(View)];

    /// <summary>A copy of everything learned, as plain data.</summary>
    public LogTemplateMinerState Snapshot() => new(
        LogTemplateMinerState.CurrentVersion,
        lines,
        firstLineAt,
        latestLineAt,
        [.. byId.Values.OrderBy(t => t.Created).Select(t => new LogTemplateState(
            t.Id, t.IdBorn, t.Created, t.LastUsed, [.. t.Tokens], [.. t.Path], t.Count, t.FirstSeen, t.LastSeen, t.LastFindingAt))],
        [.. aliases.Select(a => new LogTemplateAlias(a.Key, a.Value))]);

    /// <summary>A miner that goes on from a <see cref="Snapshot"/>.</summary>
    /// <param name="state">The saved state.</param>
    /// <param name="options">Settings; should be those the state was learned with.</param>
    /// <exception cref="ArgumentException">The state is inconsistent; the message names the template and field.</exception>
    public static LogTemplateMiner Restore(LogTemplateMinerState state, LogTemplateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Version != LogTemplateMinerState.CurrentVersion)
        {
            throw new ArgumentException($"log template state version {state.Version} is not supported (expected {LogTemplateMinerState.CurrentVersion})", nameof(state));
        }

        var miner = new LogTemplateMiner(options) { lines = state.Lines, firstLineAt = state.FirstLineAt, latestLineAt = state.LatestLineAt };
        var templates = state.Templates.IsDefault ? [] : state.Templates;
        foreach (var saved in templates.OrderBy(t => t?.Created ?? 0))
        {
            var template = LogTemplateStateReader.Read(saved, miner.byId.ContainsKey(saved.Id), miner.options.LeadingTokens);
            miner.byId.Add(template.Id, template);
            miner.tree.Add(template);
        }

        foreach (var template in miner.byId.Values.OrderBy(t => t.LastUsed))
        {
            template.Recency = miner.recency.AddLast(template);
        }

        foreach (var alias in state.Aliases.IsDefault ? [] : state.Aliases)
        {
            if (alias is null || string.IsNullOrEmpty(alias.From) || string.IsNullOrEmpty(alias.To))
            {
                throw new ArgumentException("log template state: an alias has no From or To", nameof(state));
            }

            miner.aliases[alias.From] = alias.To;
        }

        return miner;
    }

    private bool IsLearned(DateTimeOffset? at) =>
        lines >= options.LearningLines && firstLineAt is { } first && at is { } now && now - first >= options.LearningPeriod;

    private bool IsRare(TemplateCluster template) =>
        template.Count <= options.RareMaxCount && template.Count < options.RareShare * lines;

    private bool FindingDue(TemplateCluster template, DateTimeOffset at) =>
        template.LastFindingAt is not { } last || at - last >= options.FindingInterval;

    private LogTemplate View(TemplateCluster t) =>
        new(t.Id, t.Text, t.Count, t.FirstSeen, t.LastSeen, IsLearned(latestLineAt) && IsRare(t));

    /// <summary>The template of <paramref name="leaf"/> the current line joins, or null.</summary>
    private TemplateCluster? Match(List<TemplateCluster>? leaf)
    {
        if (leaf is null)
        {
            return null;
        }

        TemplateCluster? best = null;
        var bestSimilarity = -1.0;
        var bestWildcards = -1;
        foreach (var template in leaf)
        {
            var tokens = template.Tokens;
            // A settled template takes no conflicting word at all.
            var allowedConflicts = template.Count >= options.SettledAfter ? 0 : options.MaxWordConflicts;
            int same = 0, wildcards = 0, conflicts = 0;
            var fits = true;
            for (var i = 0; i < tokens.Length && conflicts <= allowedConflicts; i++)
            {
                if (TemplateCluster.IsWildcard(tokens[i]))
                {
                    wildcards++;
                }
                else if (string.Equals(tokens[i], line[i], StringComparison.Ordinal))
                {
                    same++;
                }
                else
                {
                    fits = false;
                    if (!TemplateCluster.IsWildcard(line[i]))
                    {
                        conflicts++;
                    }
                }
            }

            if (conflicts > allowedConflicts)
            {
                continue;
            }

            var similarity = tokens.Length == 0 ? 1.0 : (same + options.WildcardWeight * wildcards) / tokens.Length;
            if (fits && similarity < options.SimilarityThreshold)
            {
                similarity = options.SimilarityThreshold;
            }

            if (similarity > bestSimilarity || (similarity == bestSimilarity && wildcards > bestWildcards))
            {
                best = template;
                bestSimilarity = similarity;
                bestWildcards = wildcards;
            }
        }

        return bestSimilarity >= options.SimilarityThreshold ? best : null;
    }

    private TemplateCluster Create(DateTimeOffset at)
    {
        var tokens = line.ToArray();
        var id = NewId(string.Join(' ', tokens));
        var template = new TemplateCluster(id, lines, lines, tokens, tree.PathFor(line), at) { Count = 1 };
        aliases.Remove(id);
        byId.Add(id, template);
        tree.Add(template);
        return template;
    }

    private string NewId(string shape)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(shape));
        var id = "t-" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
        // Two live templates from one shape only happen after a restore with other tree settings; keep ids unique.
        var unique = id;
        for (var n = 2; byId.ContainsKey(unique); n++)
        {
            unique = $"{id}-{n}";
        }

        return unique;
    }

    private void AbsorbCovered(TemplateCluster template)
    {
        var leaf = tree.Leaf(line)!;
        for (var i = leaf.Count - 1; i >= 0; i--)
        {
            var other = leaf[i];
            if (ReferenceEquals(other, template) || !template.Covers(other.Tokens))
            {
                continue;
            }

            template.Count += other.Count;
            Seen(template, other.FirstSeen);
            Seen(template, other.LastSeen);
            if (other.LastFindingAt is { } found && (template.LastFindingAt is null || found > template.LastFindingAt))
            {
                template.LastFindingAt = found;
            }

            var (kept, merged) = other.IdBorn < template.IdBorn ? (other.Id, template.Id) : (template.Id, other.Id);
            Forget(other);
            if (!string.Equals(kept, template.Id, StringComparison.Ordinal))
            {
                byId.Remove(template.Id);
                template.Id = kept;
                template.IdBorn = other.IdBorn;
                byId.Add(kept, template);
            }

            AddAlias(merged, kept);
        }
    }

    private void AddAlias(string from, string to)
    {
        aliases.Remove(from);
        aliases.Add(from, to);
        while (aliases.Count > options.MaxTemplates)
        {
            aliases.RemoveAt(0);
        }
    }

    private void Forget(TemplateCluster template)
    {
        tree.Remove(template);
        byId.Remove(template.Id);
        recency.Remove(template.Recency!);
        template.Recency = null;
    }

    private void Touch(TemplateCluster template)
    {
        template.LastUsed = lines;
        if (template.Recency is null)
        {
            template.Recency = recency.AddLast(template);
        }
        else
        {
            recency.Remove(template.Recency);
            recency.AddLast(template.Recency);
        }
    }

    private static void Seen(TemplateCluster template, DateTimeOffset at)
    {
        if (at < template.FirstSeen)
        {
            template.FirstSeen = at;
        }

        if (at > template.LastSeen)
        {
            template.LastSeen = at;
        }
    }
}
