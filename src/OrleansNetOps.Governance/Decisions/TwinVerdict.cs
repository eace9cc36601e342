using System.Collections.Immutable;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Governance.Decisions;

/// <summary>
/// What governance needs from a twin what-if, as a small serializable record (a grain can keep it with the action and
/// the audit can quote it): whether it passed, its blast radius, its errors and the findings that escalate.
/// </summary>
public sealed record TwinVerdict
{
    /// <summary>The what-if passed (no errors) and the request was valid.</summary>
    public required bool Passed { get; init; }

    /// <summary>Share of prefixes whose best path changed (0..1).</summary>
    public required double PrefixShare { get; init; }

    /// <summary>Share of traffic on those prefixes (0..1), null without flow data.</summary>
    public double? TrafficShare { get; init; }

    /// <summary>Our routers with a changed best path.</summary>
    public ImmutableArray<string> Routers { get; init; } = [];

    /// <summary>Why it did not pass.</summary>
    public ImmutableArray<string> Errors { get; init; } = [];

    /// <summary>The twin's caveats.</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];

    /// <summary>Asymmetric flows after the change.</summary>
    public ImmutableArray<string> Asymmetric { get; init; } = [];

    /// <summary>Predicted SLA breaches.</summary>
    public ImmutableArray<string> SlaBreaches { get; init; } = [];

    /// <summary>Predicted utilisation per ISP.</summary>
    public ImmutableArray<IspLoad> PerIsp { get; init; } = [];

    /// <summary>Prefixes whose best path changed anywhere; null when the what-if's list was cut short (unknown).</summary>
    public ImmutableArray<string>? ChangedPrefixes { get; init; }

    /// <summary>The blast radius governance uses: the larger of the prefix and traffic shares.</summary>
    public double Blast => Math.Max(PrefixShare, TrafficShare ?? 0);

    /// <summary>Summarises a what-if result.</summary>
    /// <param name="result">The twin's result.</param>
    /// <param name="reportedChangesLimit">The <see cref="WhatIfOptions.MaxReportedChanges"/> the what-if ran with: a list that long may be cut short.</param>
    public static TwinVerdict From(WhatIfResult result, int? reportedChangesLimit = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var limit = reportedChangesLimit ?? WhatIfOptions.Default.MaxReportedChanges;
        return new TwinVerdict
        {
            Passed = result.Passed && !result.Invalid,
            PrefixShare = result.BlastRadius.PrefixShare,
            TrafficShare = result.BlastRadius.TrafficShare,
            Routers = [.. result.BlastRadius.Routers],
            Errors = result.Invalid && result.Errors.Count == 0 ? ["the what-if request was invalid"] : [.. result.Errors],
            Warnings = [.. result.Warnings],
            Asymmetric = [.. result.Checks.Asymmetric],
            SlaBreaches = [.. result.PredictedSla.Breaches],
            PerIsp = [.. result.PredictedSla.PerIsp.Select(p => new IspLoad(p.Isp, p.UtilisationBefore, p.UtilisationAfter))],
            ChangedPrefixes = result.Changes.Count >= limit
                ? null
                : result.Changes.Select(c => c.Prefix).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray(),
        };
    }
}
