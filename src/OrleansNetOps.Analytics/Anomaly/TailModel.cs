using System.Collections.Immutable;

namespace OrleansNetOps.Analytics.Anomaly;

/// <summary>
/// The learned distribution of one non-negative detector statistic, for turning a raw value into a tail probability:
/// a log-spaced histogram with exponential forgetting for the body, and a generalised Pareto tail fitted by the
/// method of moments to the exceedances over a high quantile for values beyond it (peaks over threshold, as in
/// Siffer et al.'s SPOT). Bounded memory: a fixed number of bins; O(1) to learn a value.
/// </summary>
internal sealed class TailModel
{
    private const int BinsPerOctave = 8;
    private const int Octaves = 32;
    private const int BinCount = BinsPerOctave * Octaves;
    private const double Renormalise = 1e100;
    private const double MinimumExceedances = 20;

    private static readonly double[] Lower = CreateLower();

    private readonly double[] _counts = new double[BinCount];
    private readonly double _growth;
    private readonly double _tailQuantile;
    private readonly int _warmUp;

    // Counts are kept in units that grow by 1/decay per value, so forgetting costs nothing per value; the true
    // weight of a count is count / _unit.
    private double _unit = 1;
    private double _total;
    private long _observations;

    public TailModel(double memoryPoints, double tailQuantile, int warmUp)
    {
        _growth = 1.0 / (1.0 - (1.0 / memoryPoints));
        _tailQuantile = tailQuantile;
        _warmUp = warmUp;
    }

    public bool Warm => _observations >= _warmUp;

    /// <summary>P(Y ≥ y) under what has been seen; 1 until warm.</summary>
    public double TailProbability(double y)
    {
        // The decayed number of values remembered (counts are kept in growing units; see Observe).
        var remembered = _total / _unit;
        if (!Warm || remembered <= MinimumExceedances || !(y > 0))
        {
            return 1.0;
        }

        // Peaks over threshold with at least MinimumExceedances values above it: the fixed quantile while the history
        // is long, a lower one while it is short, so a young model does not extrapolate from one or two values.
        var quantile = Math.Min(_tailQuantile, 1.0 - (MinimumExceedances / remembered));
        var threshold = Quantile(quantile);
        var exceed = Survival(threshold);
        if (y <= threshold)
        {
            return Survival(y);
        }

        // Moments of the exceedances over the threshold: the part of the threshold's own bin above it (spread evenly
        // across it, as the quantile assumed), then the whole bins above.
        double weight = 0, sum = 0, sumSquares = 0;
        var first = Bin(threshold);
        for (var b = first; b < BinCount; b++)
        {
            if (_counts[b] <= 0)
            {
                continue;
            }

            var low = Math.Max(Lower[b], threshold);
            var high = Lower[b + 1];
            if (high <= low)
            {
                continue;
            }

            var share = b == first ? (high - low) / (high - Lower[b]) : 1.0;
            var excess = (0.5 * (low + high)) - threshold;
            weight += _counts[b] * share;
            sum += _counts[b] * share * excess;
            sumSquares += _counts[b] * share * excess * excess;
        }

        // Beyond the largest values seen the tail is an extrapolation: its scale is kept at least a tenth of the
        // threshold (about a bin), so a distribution that has only ever been bounded does not make the first value
        // past its edge astronomically rare.
        var minimumScale = Math.Max(0.1 * threshold, 1e-9);
        if (weight <= 0 || sum <= 0)
        {
            return exceed * Math.Exp(-(y - threshold) / minimumScale);
        }

        var mean = sum / weight;
        var variance = Math.Max((sumSquares / weight) - (mean * mean), mean * mean * 1e-3);
        var ratio = mean * mean / variance;
        // Method of moments for the generalised Pareto: shape ξ = (1 − m²/v)/2, scale σ = m(1 + m²/v)/2. The shape is
        // kept in [0, 0.45]: a bounded tail is treated as exponential (cautious), and a heavier one would have no
        // variance to estimate it from.
        var shape = Math.Clamp(0.5 * (1.0 - ratio), 0.0, 0.45);
        var scale = Math.Max(shape <= 0 ? mean : 0.5 * mean * (ratio + 1.0), minimumScale);
        var over = y - threshold;
        return shape <= 1e-6
            ? exceed * Math.Exp(-over / scale)
            : exceed * Math.Pow(1.0 + (shape * over / scale), -1.0 / shape);
    }

    public void Observe(double y)
    {
        if (double.IsNaN(y))
        {
            return;
        }

        _unit *= _growth;
        if (_unit > Renormalise)
        {
            for (var b = 0; b < BinCount; b++)
            {
                _counts[b] /= _unit;
            }

            _total /= _unit;
            _unit = 1;
        }

        _counts[Bin(Math.Max(y, 0))] += _unit;
        _total += _unit;
        _observations++;
    }

    public TailModelState ToState()
    {
        var last = BinCount - 1;
        while (last >= 0 && _counts[last] == 0)
        {
            last--;
        }

        return new TailModelState([.. _counts.AsSpan(0, last + 1)], _total, _unit, _observations);
    }

    public static TailModel FromState(TailModelState state, double memoryPoints, double tailQuantile, int warmUp)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Counts.Length > BinCount)
        {
            throw new ArgumentException($"tail state has {state.Counts.Length} bins, at most {BinCount} expected", nameof(state));
        }

        if (!(state.Unit >= 1) || !double.IsFinite(state.Unit))
        {
            throw new ArgumentException("tail state has no valid unit", nameof(state));
        }

        var model = new TailModel(memoryPoints, tailQuantile, warmUp) { _total = state.Total, _unit = state.Unit, _observations = state.Observations };
        state.Counts.CopyTo(model._counts);
        return model;
    }

    private double Survival(double y)
    {
        var bin = Bin(y);
        double above = 0;
        for (var b = bin + 1; b < BinCount; b++)
        {
            above += _counts[b];
        }

        var within = (Lower[bin + 1] - y) / (Lower[bin + 1] - Lower[bin]);
        above += _counts[bin] * Math.Clamp(within, 0, 1);
        return above / _total;
    }

    private double Quantile(double q)
    {
        var target = q * _total;
        double cumulative = 0;
        for (var b = 0; b < BinCount; b++)
        {
            if (cumulative + _counts[b] >= target)
            {
                var inside = _counts[b] > 0 ? (target - cumulative) / _counts[b] : 0;
                return Lower[b] + (inside * (Lower[b + 1] - Lower[b]));
            }

            cumulative += _counts[b];
        }

        return Lower[BinCount];
    }

    // Bin b covers [2^(b/8) − 1, 2^((b+1)/8) − 1): about 9 % wide, fine near zero and log-spaced far out.
    private static int Bin(double y) => Math.Min((int)(Math.Log2(1.0 + y) * BinsPerOctave), BinCount - 1);

    private static double[] CreateLower()
    {
        var lower = new double[BinCount + 1];
        for (var b = 0; b <= BinCount; b++)
        {
            lower[b] = Math.Pow(2.0, (double)b / BinsPerOctave) - 1.0;
        }

        return lower;
    }
}
