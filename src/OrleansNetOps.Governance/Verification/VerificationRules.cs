using System.Collections.Immutable;
using System.Globalization;

namespace OrleansNetOps.Governance.Verification;

/// <summary>
/// The <c>verification</c> section: when the SLA verifier rolls a change back (SPEC §3). Roll back if latency after is
/// above <see cref="LatencyRatio"/> × before, loss after above <see cref="LossRatio"/> × before, latency above
/// <see cref="MaxLatencyMs"/>, or loss above <see cref="MaxLossPct"/>.
/// </summary>
public sealed record VerificationRules
{
    /// <summary>Latency after / before above which the change is rolled back.</summary>
    public double LatencyRatio { get; init; } = 1.5;

    /// <summary>Loss after / before above which the change is rolled back.</summary>
    public double LossRatio { get; init; } = 3;

    /// <summary>Absolute latency (ms) above which the change is rolled back.</summary>
    public double MaxLatencyMs { get; init; } = 80;

    /// <summary>Absolute loss (percent) above which the change is rolled back.</summary>
    public double MaxLossPct { get; init; } = 2;

    /// <summary>
    /// The loss ratio applies only when loss after is at least this (percent): with 0 % before, any measured loss
    /// would otherwise be "more than three times" it. 0 gives the bare rule.
    /// </summary>
    public double LossRatioMinPct { get; init; } = 0.1;

    /// <summary>
    /// Probe samples a path needs on each side of the change before it is judged: one noisy probe must neither
    /// roll a good change back nor keep a bad one.
    /// </summary>
    public int MinSamples { get; init; } = 3;

    /// <summary>How far back from the moment of the change the "before" probes are taken.</summary>
    public TimeSpan Before { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Time after the change whose probes are ignored: routing converges and queues drain, and a probe in flight across
    /// the change describes neither side.
    /// </summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long after <see cref="Settle"/> the "after" probes are taken; the change is judged when it ends.</summary>
    public TimeSpan After { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Judges one before/after pair.</summary>
    /// <param name="before">Measured before the change.</param>
    /// <param name="after">Measured after it.</param>
    /// <param name="subject">What was measured (an ISP name), prefixed to each reason; empty for none.</param>
    public VerificationVerdict Judge(SlaSample before, SlaSample after, string subject = "")
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var prefix = subject.Length == 0 ? string.Empty : subject + ": ";
        var reasons = ImmutableArray.CreateBuilder<string>();
        if (after.LatencyMs > LatencyRatio * before.LatencyMs)
        {
            reasons.Add($"{prefix}latency {F(after.LatencyMs)} ms after is more than {F(LatencyRatio)} × {F(before.LatencyMs)} ms before");
        }

        if (after.LossPct >= LossRatioMinPct && after.LossPct > LossRatio * before.LossPct)
        {
            reasons.Add($"{prefix}loss {F(after.LossPct)} % after is more than {F(LossRatio)} × {F(before.LossPct)} % before");
        }

        if (after.LatencyMs > MaxLatencyMs)
        {
            reasons.Add($"{prefix}latency {F(after.LatencyMs)} ms is above {F(MaxLatencyMs)} ms");
        }

        if (after.LossPct > MaxLossPct)
        {
            reasons.Add($"{prefix}loss {F(after.LossPct)} % is above {F(MaxLossPct)} %");
        }

        return new VerificationVerdict(reasons.Count > 0, reasons.ToImmutable());
    }

    /// <summary>Judges several measured paths (e.g. one per ISP): the change rolls back when any of them breaks a rule.</summary>
    public VerificationVerdict Judge(IEnumerable<(string Subject, SlaSample Before, SlaSample After)> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var reasons = samples.SelectMany(s => Judge(s.Before, s.After, s.Subject).Reasons).ToImmutableArray();
        return new VerificationVerdict(reasons.Length > 0, reasons);
    }

    /// <summary>
    /// Judges the probe samples of every path: each side is aggregated (median latency, so one late probe does not
    /// count as a trend; mean loss, so sustained loss is not hidden by clean probes in between), and the rules run on
    /// the pair. A path with fewer than <see cref="MinSamples"/> on either side is listed but not judged — a path that
    /// a cut took down has no probes after, and the change that routed around it must not be blamed for that.
    /// </summary>
    /// <param name="paths">The paths, each with its samples.</param>
    /// <exception cref="ArgumentException">A sample is negative, not a number, or loss above 100 %; the message names path, side and index.</exception>
    public SlaVerification Verify(IEnumerable<PathProbes> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var judgements = ImmutableArray.CreateBuilder<PathJudgement>();
        foreach (var path in paths)
        {
            ArgumentNullException.ThrowIfNull(path);
            var beforeSamples = path.Before.IsDefault ? [] : path.Before;
            var afterSamples = path.After.IsDefault ? [] : path.After;
            Check(path.Path, "before", beforeSamples);
            Check(path.Path, "after", afterSamples);
            var before = Aggregate(beforeSamples);
            var after = Aggregate(afterSamples);
            var missing = new List<string>();
            if (before is null)
            {
                missing.Add($"{beforeSamples.Length} sample(s) before");
            }

            if (after is null)
            {
                missing.Add($"{afterSamples.Length} sample(s) after");
            }

            judgements.Add(missing.Count > 0
                ? new PathJudgement(path.Path, before, after, false, [$"{path.Path}: not judged, {string.Join(" and ", missing)} (at least {MinSamples} needed on each side)"])
                : new PathJudgement(path.Path, before, after, true, Judge(before!, after!, path.Path).Reasons));
        }

        var all = judgements.ToImmutable();
        var reasons = all.Where(j => j.Judged).SelectMany(j => j.Reasons).ToImmutableArray();
        return new SlaVerification(new VerificationVerdict(reasons.Length > 0, reasons), all);
    }

    private SlaSample? Aggregate(ImmutableArray<SlaSample> samples)
    {
        if (samples.Length < Math.Max(1, MinSamples))
        {
            return null;
        }

        var latencies = samples.Select(s => s.LatencyMs).Order().ToArray();
        var middle = latencies.Length / 2;
        var median = latencies.Length % 2 == 1 ? latencies[middle] : (latencies[middle - 1] + latencies[middle]) / 2;
        // Summed in value order, so the same probes give the same mean however the store returned them.
        return new SlaSample(median, samples.Select(s => s.LossPct).Order().Average());
    }

    private static void Check(string path, string side, ImmutableArray<SlaSample> samples)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            var sample = samples[i] ?? throw new ArgumentException($"{path}: sample {side}[{i}] is missing", nameof(path));
            if (!double.IsFinite(sample.LatencyMs) || sample.LatencyMs < 0)
            {
                throw new ArgumentException($"{path}: sample {side}[{i}] has latency {F(sample.LatencyMs)} ms (expected a finite number ≥ 0)", nameof(path));
            }

            if (!double.IsFinite(sample.LossPct) || sample.LossPct is < 0 or > 100)
            {
                throw new ArgumentException($"{path}: sample {side}[{i}] has loss {F(sample.LossPct)} % (expected 0..100)", nameof(path));
            }
        }
    }

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
