using System.Collections.Immutable;

namespace OrleansNetOps.Analytics.Anomaly.Nab;

/// <summary>
/// The Numenta Anomaly Benchmark's scoring, as its reference implementation does it (<c>nab/sweeper.py</c> and the
/// normalisation of <c>nab/runner.py</c>): each row gets a weight from a scaled sigmoid of its position relative to
/// the labelled windows; a window is worth the weight of its first detection (A_TP scaled, earlier is better) or
/// −A_FN when it has none; a detection outside every window costs A_FP, less when it falls soon after a window; rows
/// of the probationary period (the first 15 % of a file, at most 750 rows) are ignored.
/// </summary>
public sealed class NabScorer
{
    private readonly NabCostProfile _profile;
    private readonly double _probationPercent;

    /// <summary>A scorer for one profile.</summary>
    /// <param name="profile">The cost profile (NAB's standard one unless told).</param>
    /// <param name="probationPercent">Share of each file that is not scored (NAB: 0.15).</param>
    public NabScorer(NabCostProfile profile, double probationPercent = 0.15)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentOutOfRangeException.ThrowIfNegative(probationPercent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probationPercent, 1.0);
        _profile = profile;
        _probationPercent = probationPercent;
    }

    /// <summary>NAB's scaled sigmoid: 2·σ(−5x) − 1, and −1 from x = 3 on (a detection far behind every window).</summary>
    public static double ScaledSigmoid(double relativePosition) =>
        relativePosition >= 3.0 ? -1.0 : (2.0 / (1.0 + Math.Exp(5.0 * relativePosition))) - 1.0;

    /// <summary>Rows not scored at the start of a file of <paramref name="rows"/> rows: min(⌊p·rows⌋, p·5000).</summary>
    public double ProbationaryLength(int rows) => Math.Min(Math.Floor(_probationPercent * rows), _probationPercent * 5000);

    /// <summary>Scores one file's detections.</summary>
    /// <param name="file">The file's name, for the result and for errors.</param>
    /// <param name="timestamps">Row timestamps, in file order.</param>
    /// <param name="detections">Whether the detector raised at each row.</param>
    /// <param name="windows">The file's labelled windows, in time order; both ends must be row timestamps.</param>
    /// <exception cref="ArgumentException">Lengths differ, or a window does not line up with the rows.</exception>
    public NabFileScore ScoreFile(string file, IReadOnlyList<DateTime> timestamps, IReadOnlyList<bool> detections, IReadOnlyList<NabWindow> windows)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(timestamps);
        ArgumentNullException.ThrowIfNull(detections);
        ArgumentNullException.ThrowIfNull(windows);
        if (timestamps.Count != detections.Count)
        {
            throw new ArgumentException($"{file}: {timestamps.Count} timestamps but {detections.Count} detections.", nameof(detections));
        }

        var rows = Sweep(file, timestamps, windows);
        var best = new double[windows.Count];
        var scored = new bool[windows.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i].Window >= 0 && !rows[i].Probationary)
            {
                scored[rows[i].Window] = true;
            }
        }

        var falsePositives = 0.0;
        int truePositiveRows = 0, falsePositiveRows = 0;
        var detected = new bool[windows.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            if (!detections[i] || rows[i].Probationary)
            {
                continue;
            }

            var window = rows[i].Window;
            if (window < 0)
            {
                falsePositives += rows[i].Weight;
                falsePositiveRows++;
            }
            else
            {
                // Only the best (earliest) detection of a window counts: NAB keeps the max of the row weights.
                best[window] = detected[window] ? Math.Max(best[window], rows[i].Weight) : rows[i].Weight;
                detected[window] = true;
                truePositiveRows++;
            }
        }

        double score = falsePositives, nullScore = 0;
        var windowsDetected = 0;
        for (var w = 0; w < windows.Count; w++)
        {
            if (!scored[w])
            {
                continue; // A window entirely inside the probationary period is neither reward nor penalty, as in NAB.
            }

            nullScore -= _profile.FalseNegativeWeight;
            if (detected[w])
            {
                score += Math.Max(best[w], -_profile.FalseNegativeWeight);
                windowsDetected++;
            }
            else
            {
                score -= _profile.FalseNegativeWeight;
            }
        }

        return new NabFileScore(file, score, nullScore, windows.Count, windowsDetected, truePositiveRows, falsePositiveRows);
    }

    /// <summary>Sums file scores and normalises them between the null detector (0) and the perfect detector (100).</summary>
    /// <param name="files">The scored files.</param>
    public NabCorpusScore Total(IEnumerable<NabFileScore> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var all = files.ToImmutableArray();
        var raw = all.Sum(f => f.Score);
        var baseline = all.Sum(f => f.NullScore);
        var perfect = all.Sum(f => f.Windows) * _profile.TruePositiveWeight;
        var normalised = perfect == baseline ? 0.0 : 100.0 * (raw - baseline) / (perfect - baseline);
        return new NabCorpusScore(normalised, raw, baseline, perfect, all);
    }

    private SweptRow[] Sweep(string file, IReadOnlyList<DateTime> timestamps, IReadOnlyList<NabWindow> windows)
    {
        var index = new Dictionary<DateTime, int>(timestamps.Count);
        for (var i = 0; i < timestamps.Count; i++)
        {
            index.TryAdd(timestamps[i], i); // The first row of a timestamp, as Python's list.index finds it.
        }

        var bounds = new (int Left, int Right)[windows.Count];
        for (var w = 0; w < windows.Count; w++)
        {
            if (!index.TryGetValue(windows[w].Start, out var left) || !index.TryGetValue(windows[w].End, out var right))
            {
                throw new ArgumentException($"{file}: window {w} ({windows[w].Start:s} – {windows[w].End:s}) does not start and end on rows of the file.", nameof(windows));
            }

            if (right < left || (w > 0 && left <= bounds[w - 1].Right))
            {
                throw new ArgumentException($"{file}: window {w} overlaps the previous one or is out of order.", nameof(windows));
            }

            bounds[w] = (left, right);
        }

        var maxTruePositive = ScaledSigmoid(-1.0);
        var probation = ProbationaryLength(timestamps.Count);
        var rows = new SweptRow[timestamps.Count];
        var next = 0;
        var current = -1;
        int previousRight = -1, previousWidth = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            if (current < 0 && next < bounds.Length && bounds[next].Left == i)
            {
                current = next++;
            }

            double weight;
            if (current >= 0)
            {
                var width = (double)(bounds[current].Right - bounds[current].Left + 1);
                var position = -(bounds[current].Right - i + 1) / width;
                weight = ScaledSigmoid(position) * _profile.TruePositiveWeight / maxTruePositive;
            }
            else
            {
                var position = previousRight < 0 ? 3.0 : Math.Abs(previousRight - i) / (double)(previousWidth - 1);
                weight = ScaledSigmoid(position) * _profile.FalsePositiveWeight;
            }

            rows[i] = new SweptRow(weight, current, i < probation);
            if (current >= 0 && i == bounds[current].Right)
            {
                previousRight = i;
                previousWidth = bounds[current].Right - bounds[current].Left + 1;
                current = -1;
            }
        }

        return rows;
    }

    private readonly record struct SweptRow(double Weight, int Window, bool Probationary);
}
