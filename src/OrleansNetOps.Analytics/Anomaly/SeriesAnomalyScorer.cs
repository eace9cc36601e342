using OrleansNetOps.Analytics.Baselines;

namespace OrleansNetOps.Analytics.Anomaly;

/// <summary>
/// Scores one series point by point against its learned baseline with three detectors: the seasonal residual (the
/// distance from what the baseline expects, in robust scales), a sustained shift (the recent average of those
/// residuals) and the spectral residual of the recent residuals (Ren et al., KDD 2019). Each detector's raw value is
/// turned into a tail probability against that detector's own learned distribution; the smallest, Bonferroni-corrected
/// for the three, is the point's probability, and <see cref="AnomalyScale"/> turns it into a score in [0, 1]. A
/// finding is raised at the first point of an episode scoring at least <see cref="AnomalyFloors.AnomalyHigh"/>.
/// Causal and online: each point is scored before it is learned; memory is bounded.
/// </summary>
public sealed class SeriesAnomalyScorer
{
    private const int Detectors = 3;
    private const int Models = 3;

    private readonly AnomalyScorerOptions _options;
    private readonly SeriesBaseline _baseline;
    private readonly SpectralResidualWindow _spectral;
    private readonly TailModel[] _residualTails;
    private readonly TailModel[] _shiftTails;
    private readonly TailModel _spectralTail;
    private readonly double[] _shifts;
    private Seasonality _spectralModel;
    private AnomalyEpisode _episode = new();

    /// <summary>A scorer with an empty baseline.</summary>
    public SeriesAnomalyScorer(AnomalyScorerOptions options)
        : this(
            options,
            new SeriesBaseline(options?.Baseline ?? throw new ArgumentNullException(nameof(options))),
            new SpectralResidualWindow(options.SpectralWindow),
            [.. Enumerable.Range(0, Models).Select(_ => NewTail(options))],
            [.. Enumerable.Range(0, Models).Select(_ => NewTail(options))],
            NewTail(options),
            new double[Models])
    {
    }

    private SeriesAnomalyScorer(
        AnomalyScorerOptions options,
        SeriesBaseline baseline,
        SpectralResidualWindow spectral,
        TailModel[] residualTails,
        TailModel[] shiftTails,
        TailModel spectralTail,
        double[] shifts)
    {
        _options = options;
        _baseline = baseline;
        _spectral = spectral;
        _residualTails = residualTails;
        _shiftTails = shiftTails;
        _spectralTail = spectralTail;
        _shifts = shifts;
    }

    /// <summary>The baseline the points are scored against.</summary>
    public SeriesBaseline Baseline => _baseline;

    /// <summary>Scores a point, then learns from it. A non-finite value scores 0 and is not learned.</summary>
    public AnomalyPoint Observe(DateTimeOffset at, double value)
    {
        var expected = _baseline.Expect(at);
        if (!double.IsFinite(value))
        {
            return new AnomalyPoint(at, value, expected, 0, false, _episode.Open);
        }

        // Every model's residuals are calibrated against that model's own history, whether or not it is the one in
        // use, so switching models needs no recalibration.
        Span<double> residuals = stackalloc double[Models];
        Span<bool> warm = stackalloc bool[Models];
        double pResidual = 1, pShift = 1, residual = 0, shift = 0;
        for (var m = 0; m < Models; m++)
        {
            var model = m == (int)expected.Seasonality ? expected : _baseline.Expect(at, (Seasonality)m);
            warm[m] = model.Warm;
            if (!model.Warm)
            {
                continue;
            }

            var scale = Math.Max(model.Scale, 1e-9 * Math.Max(1.0, Math.Abs(model.Mean)));
            residuals[m] = (value - model.Mean) / scale;
            _shifts[m] += (Math.Clamp(residuals[m], -_options.ShiftClip, _options.ShiftClip) - _shifts[m]) / _options.ShiftPoints;
            if (m == (int)expected.Seasonality)
            {
                residual = residuals[m];
                shift = _shifts[m];
                pResidual = _residualTails[m].TailProbability(Math.Abs(residual));
                pShift = _shiftTails[m].TailProbability(Math.Abs(shift));
            }
        }

        // The spectral residual reads a seasonal model's residuals, not the raw values: a daily pattern's regular
        // edges are salient in the raw series every day, while a break from the learned pattern is salient only when
        // it happens. Residuals of another model are another series, so the window starts afresh when the model
        // changes. The level-only model (cold start, or no daily pattern) feeds it nothing: its residuals are the
        // series' own short-term noise, where saliency marks the noise rather than breaks.
        var seasonal = expected.Warm && expected.Seasonality != Seasonality.None;
        if (expected.Seasonality != _spectralModel)
        {
            _spectral.Clear();
            _spectralModel = expected.Seasonality;
        }

        // Residuals enter it winsorised at the shift clip: one huge spike would otherwise own the window's spectrum for
        // as long as it stays in the window, and make ordinary points look salient around it.
        var limit = _options.ShiftClip * Math.Max(expected.Scale, 1e-9);
        var saliency = seasonal ? _spectral.Add(Math.Clamp(value - expected.Mean, -limit, limit)) : 0;
        var pSpectral = seasonal && _spectral.Warm ? _spectralTail.TailProbability(saliency) : 1.0;

        var probability = Math.Min(1.0, Detectors * Math.Min(pResidual, Math.Min(pShift, pSpectral)));
        var score = _baseline.History >= _options.MinimumHistory ? AnomalyScale.Score(probability, _baseline.IntervalSeconds ?? 0) : 0;
        var raised = _episode.Raises(score, _options.Floors.AnomalyHigh, _options.QuietPoints);

        // The point that raised a finding is, by our own verdict, not normal operation: it is left out of the learned
        // distributions so that one burst does not make the next one look ordinary. (Only that one point: a lasting
        // change is still learned.)
        if (!raised)
        {
            for (var m = 0; m < Models; m++)
            {
                if (warm[m])
                {
                    _residualTails[m].Observe(Math.Abs(residuals[m]));
                    _shiftTails[m].Observe(Math.Abs(_shifts[m]));
                }
            }

            if (seasonal && _spectral.Warm)
            {
                _spectralTail.Observe(saliency);
            }
        }

        _baseline.Observe(at, value);
        return new AnomalyPoint(at, value, expected, score, raised, _episode.Open)
        {
            Residual = residual,
            Shift = shift,
            Saliency = saliency,
            ResidualProbability = pResidual,
            ShiftProbability = pShift,
            SpectralProbability = pSpectral,
        };
    }

    /// <summary>The scorer as plain values, to persist (e.g. as grain state).</summary>
    public SeriesAnomalyScorerState ToState() => new(
        _baseline.ToState(),
        _spectral.ToState(),
        _spectralModel,
        [.. _residualTails.Select(t => t.ToState())],
        [.. _shiftTails.Select(t => t.ToState())],
        _spectralTail.ToState(),
        [.. _shifts],
        _episode.Open,
        _episode.QuietRun);

    /// <summary>Restores a scorer persisted with <see cref="ToState"/>; it continues exactly where it left off.</summary>
    /// <exception cref="ArgumentException">The state does not fit these options or was not written by this class.</exception>
    public static SeriesAnomalyScorer FromState(AnomalyScorerOptions options, SeriesAnomalyScorerState state)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(state);
        if (state.ResidualTails.Length != Models || state.ShiftTails.Length != Models || state.Shifts.Length != Models)
        {
            throw new ArgumentException($"a scorer state holds {Models} residual tails, shift tails and shifts", nameof(state));
        }

        return new SeriesAnomalyScorer(
            options,
            SeriesBaseline.FromState(options.Baseline, state.Baseline),
            SpectralResidualWindow.FromState(state.Spectral, options.SpectralWindow),
            [.. state.ResidualTails.Select(t => RestoreTail(options, t))],
            [.. state.ShiftTails.Select(t => RestoreTail(options, t))],
            RestoreTail(options, state.SpectralTail),
            [.. state.Shifts])
        {
            _spectralModel = state.SpectralModel,
            _episode = AnomalyEpisode.Restore(state.InEpisode, state.QuietRun),
        };
    }


    private static TailModel NewTail(AnomalyScorerOptions options) =>
        new(options.CalibrationMemoryPoints, options.TailQuantile, options.CalibrationWarmUp);

    private static TailModel RestoreTail(AnomalyScorerOptions options, TailModelState state) =>
        TailModel.FromState(state, options.CalibrationMemoryPoints, options.TailQuantile, options.CalibrationWarmUp);
}
