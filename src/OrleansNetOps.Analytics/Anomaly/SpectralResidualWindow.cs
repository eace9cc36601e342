using System.Collections.Immutable;
using System.Numerics;

namespace OrleansNetOps.Analytics.Anomaly;

/// <summary>
/// The streaming spectral-residual detector of one series: the last points in a ring, a few points extrapolated past
/// the newest (the paper's remedy for the window edge), and the saliency of the newest point against the mean saliency
/// of the points before it. Causal: only past points and the current one.
/// </summary>
internal sealed class SpectralResidualWindow
{
    private const int Extrapolated = 5;
    private const int SlopePoints = 5;
    private const int Judgement = 21;

    private readonly double[] _ring;
    private readonly double[] _window;
    private readonly double[] _saliency;
    private readonly Complex[] _spectrum;
    private int _next;
    private long _seen;

    public SpectralResidualWindow(int size)
    {
        if (size < Judgement + Extrapolated + 2)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"the spectral window needs at least {Judgement + Extrapolated + 2} points");
        }

        _ring = new double[size - Extrapolated];
        _window = new double[size];
        _saliency = new double[size];
        _spectrum = new Complex[size];
    }

    public bool Warm => _seen >= _ring.Length;

    /// <summary>Forgets the window (its input changed meaning).</summary>
    public void Clear()
    {
        _next = 0;
        _seen = 0;
    }

    /// <summary>Adds a point and returns its saliency relative to the points before it, (S − S̄) / S̄, at least 0; 0 until the window is full.</summary>
    public double Add(double value)
    {
        _ring[_next] = value;
        _next = (_next + 1) % _ring.Length;
        _seen++;
        if (!Warm)
        {
            return 0;
        }

        var real = _ring.Length;
        for (var i = 0; i < real; i++)
        {
            _window[i] = _ring[(_next + i) % real];
        }

        // The paper's continuation past the newest point, so it is not at the edge of the transform:
        // x̂ = x[n−m+1] + ḡ·m, ḡ the mean slope from the newest point back to each of the m before it. A lone spike in
        // the newest point overshoots into this continuation and is smoothed away (the residual detector's job); what
        // stands out are changes that persist for a few points — a step, a ramp, a burst of volatility.
        var newest = _window[real - 1];
        var slope = 0.0;
        for (var i = 1; i <= SlopePoints; i++)
        {
            slope += (newest - _window[real - 1 - i]) / i;
        }

        var meanSlope = slope / SlopePoints;
        var estimate = _window[real - SlopePoints] + (meanSlope * SlopePoints);
        for (var i = real; i < _window.Length; i++)
        {
            _window[i] = estimate;
        }

        SpectralResidual.Saliency(_window, _saliency, _spectrum);
        double local = 0, overall = 0;
        for (var i = 0; i < real; i++)
        {
            overall += _saliency[i];
        }

        for (var i = real - 1 - Judgement; i < real - 1; i++)
        {
            local += _saliency[i];
        }

        local /= Judgement;
        // Where the series is flat the local saliency is rounding noise; half the window's mean saliency keeps the
        // ratio from dividing noise by noise.
        var reference = Math.Max(local, 0.5 * overall / real);
        return reference > 1e-12 ? Math.Max(0, (_saliency[real - 1] - local) / reference) : 0;
    }

    public SpectralWindowState ToState()
    {
        var count = (int)Math.Min(_seen, _ring.Length);
        var recent = ImmutableArray.CreateBuilder<double>(count);
        for (var i = count; i > 0; i--)
        {
            recent.Add(_ring[((_next - i) % _ring.Length + _ring.Length) % _ring.Length]);
        }

        return new SpectralWindowState(recent.MoveToImmutable(), _seen);
    }

    public static SpectralResidualWindow FromState(SpectralWindowState state, int size)
    {
        ArgumentNullException.ThrowIfNull(state);
        var window = new SpectralResidualWindow(size);
        if (state.Recent.Length > window._ring.Length || state.Seen < state.Recent.Length)
        {
            throw new ArgumentException("spectral window state does not fit the configured window", nameof(state));
        }

        foreach (var value in state.Recent)
        {
            window._ring[window._next] = value;
            window._next = (window._next + 1) % window._ring.Length;
        }

        window._seen = state.Seen;
        return window;
    }
}
