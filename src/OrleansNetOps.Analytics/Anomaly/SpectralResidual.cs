using System.Numerics;
using MathNet.Numerics.IntegralTransforms;

namespace OrleansNetOps.Analytics.Anomaly;

/// <summary>
/// The spectral residual saliency of a window (Ren et al., "Time-Series Anomaly Detection Service at Microsoft",
/// KDD 2019): the log-amplitude spectrum minus its local average is the "innovation" of the window; transformed back
/// with the original phases it gives a saliency map that is high where the series does something unexpected.
/// </summary>
public static class SpectralResidual
{
    /// <summary>Width of the moving average over the log-amplitude spectrum (the paper's q).</summary>
    public const int SpectrumAverage = 3;

    /// <summary>Amplitudes below this share of the mean amplitude count as this share (see <see cref="Saliency"/>).</summary>
    public const double AmplitudeFloor = 0.1;

    /// <summary>Computes the saliency map of <paramref name="window"/> into <paramref name="saliency"/>.</summary>
    /// <param name="window">The values, oldest first.</param>
    /// <param name="saliency">Receives one saliency value per input value.</param>
    /// <param name="spectrum">Scratch space of the window's length.</param>
    public static void Saliency(ReadOnlySpan<double> window, Span<double> saliency, Complex[] spectrum)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        var n = window.Length;
        if (saliency.Length < n || spectrum.Length != n)
        {
            throw new ArgumentException("saliency and spectrum must be as long as the window");
        }

        for (var i = 0; i < n; i++)
        {
            spectrum[i] = new Complex(window[i], 0);
        }

        Fourier.Forward(spectrum, FourierOptions.Matlab);

        // Exact zeros of the spectrum (a window of a few isolated spikes has them) would make log |F| plunge and
        // the residual of their neighbours soar; a floor relative to the typical amplitude keeps the map about the
        // series, not about rounding.
        var typical = 0.0;
        for (var k = 1; k < n; k++)
        {
            typical += spectrum[k].Magnitude;
        }

        var floor = Math.Max(AmplitudeFloor * typical / Math.Max(1, n - 1), 1e-12);
        Span<double> logAmplitude = n <= 512 ? stackalloc double[n] : new double[n];
        for (var k = 0; k < n; k++)
        {
            logAmplitude[k] = Math.Log(spectrum[k].Magnitude + floor);
        }

        for (var k = 0; k < n; k++)
        {
            // Average over the q bins centred on k (wrapping, as the spectrum is periodic).
            var sum = 0.0;
            for (var j = -(SpectrumAverage / 2); j <= SpectrumAverage / 2; j++)
            {
                sum += logAmplitude[((k + j) % n + n) % n];
            }

            var residual = logAmplitude[k] - (sum / SpectrumAverage);
            var magnitude = spectrum[k].Magnitude;
            spectrum[k] = magnitude > 1e-12 ? spectrum[k] / magnitude * Math.Exp(residual) : Complex.Zero;
        }

        Fourier.Inverse(spectrum, FourierOptions.Matlab);
        for (var i = 0; i < n; i++)
        {
            saliency[i] = spectrum[i].Magnitude;
        }
    }
}
