namespace OrleansNetOps.Analytics.Logs;

/// <summary>
/// Settings of a <see cref="LogTemplateMiner"/>. The defaults are the ones the loghub accuracy figures were measured
/// with; they are generic (no per-source tuning).
/// </summary>
public sealed record LogTemplateOptions
{
    /// <summary>The defaults.</summary>
    public static LogTemplateOptions Default { get; } = new();

    /// <summary>
    /// Most templates kept at once; when a new one would exceed it, the least recently matched template is forgotten
    /// (its id then resolves to nothing). Bounds memory per miner.
    /// </summary>
    public int MaxTemplates { get; init; } = 2000;

    /// <summary>How many leading tokens, after the token count, route a line through the parse tree (Drain's depth − 2).</summary>
    public int LeadingTokens { get; init; } = 1;

    /// <summary>Most children of a tree node; further distinct tokens share the wildcard child (Drain's max child).</summary>
    public int MaxChildren { get; init; } = 100;

    /// <summary>Least similarity, in [0, 1], for a line to join a template.</summary>
    public double SimilarityThreshold { get; init; } = 0.6;

    /// <summary>How much a template's wildcard position counts toward similarity, in [0, 1] (Drain counts 0).</summary>
    public double WildcardWeight { get; init; } = 0.5;

    /// <summary>
    /// Most positions at which a line may put a different constant word than the template and still join it (each
    /// such join turns that word into a wildcard). Keeps <c>from NEW to RUNNING</c> apart from <c>from RUNNING to DONE</c>.
    /// </summary>
    public int MaxWordConflicts { get; init; } = 1;

    /// <summary>
    /// Lines after which a template's constant words are settled: a line with a different word then starts a new
    /// template rather than generalising a well-established one. Should that new template itself generalise, it
    /// absorbs the settled one.
    /// </summary>
    public int SettledAfter { get; init; } = 5;

    /// <summary>Lines to observe before new and rare templates become findings (cold start).</summary>
    public long LearningLines { get; init; } = 500;

    /// <summary>Time, from the first line, before new and rare templates become findings (cold start).</summary>
    public TimeSpan LearningPeriod { get; init; } = TimeSpan.FromHours(1);

    /// <summary>A template is rare while its share of all lines observed is below this, in (0, 1)...</summary>
    public double RareShare { get; init; } = 0.002;

    /// <summary>... and it has matched at most this many lines, so an established template is not rare merely because the volume is huge.</summary>
    public long RareMaxCount { get; init; } = 20;

    /// <summary>Least time between two findings about the same template.</summary>
    public TimeSpan FindingInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    public void Validate()
    {
        Require(MaxTemplates >= 1, nameof(MaxTemplates), MaxTemplates, "must be at least 1");
        Require(LeadingTokens >= 0, nameof(LeadingTokens), LeadingTokens, "must not be negative");
        Require(MaxChildren >= 1, nameof(MaxChildren), MaxChildren, "must be at least 1");
        Require(SimilarityThreshold is >= 0 and <= 1, nameof(SimilarityThreshold), SimilarityThreshold, "must be in [0, 1]");
        Require(WildcardWeight is >= 0 and <= 1, nameof(WildcardWeight), WildcardWeight, "must be in [0, 1]");
        Require(MaxWordConflicts >= 0, nameof(MaxWordConflicts), MaxWordConflicts, "must not be negative");
        Require(SettledAfter >= 1, nameof(SettledAfter), SettledAfter, "must be at least 1");
        Require(LearningLines >= 0, nameof(LearningLines), LearningLines, "must not be negative");
        Require(LearningPeriod >= TimeSpan.Zero, nameof(LearningPeriod), LearningPeriod, "must not be negative");
        Require(RareShare is > 0 and < 1, nameof(RareShare), RareShare, "must be in (0, 1)");
        Require(RareMaxCount >= 1, nameof(RareMaxCount), RareMaxCount, "must be at least 1");
        Require(FindingInterval >= TimeSpan.Zero, nameof(FindingInterval), FindingInterval, "must not be negative");
    }

    private static void Require(bool condition, string name, object value, string rule)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(name, value, $"LogTemplateOptions.{name} {rule}");
        }
    }
}
