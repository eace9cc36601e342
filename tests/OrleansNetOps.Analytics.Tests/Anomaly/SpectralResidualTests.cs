using System.Numerics;
using OrleansNetOps.Analytics.Anomaly;

namespace OrleansNetOps.Analytics.Tests.Anomaly;

public sealed class SpectralResidualTests
{
    [Fact]
    public void A_spike_is_the_most_salient_point_of_its_window()
    {
        var random = new Random(1);
        var window = new double[64];
        for (var i = 0; i < window.Length; i++)
        {
            window[i] = 10 + Math.Sin(i / 3.0) + (0.2 * SyntheticSeries.Gaussian(random));
        }

        window[40] += 8;
        var saliency = new double[64];
        SpectralResidual.Saliency(window, saliency, new Complex[64]);
        Assert.Equal(40, Array.IndexOf(saliency, saliency.Max()));
        Assert.True(saliency[40] > 3 * saliency.Where((_, i) => i != 40).Average());
    }

    [Fact]
    public void A_constant_window_has_no_salient_point()
    {
        var saliency = new double[32];
        SpectralResidual.Saliency(Enumerable.Repeat(5.0, 32).ToArray(), saliency, new Complex[32]);
        Assert.All(saliency, s => Assert.True(double.IsFinite(s)));
        Assert.True(saliency.Max() - saliency.Min() <= 1e-9 * saliency.Max(), "every point equally (un)salient");
    }

    [Theory]
    [InlineData("step")]
    [InlineData("volatility")]
    public void The_streaming_window_flags_a_lasting_change_within_a_few_points(string change)
    {
        var random = new Random(2);
        var window = new SpectralResidualWindow(64);
        var quiet = new List<double>();
        for (var i = 0; i < 300; i++)
        {
            quiet.Add(window.Add(SyntheticSeries.Gaussian(random)));
        }

        var after = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            var noise = SyntheticSeries.Gaussian(random);
            after.Add(window.Add(change == "step" ? 12 + noise : 8 * noise));
        }

        Assert.True(window.Warm);
        Assert.True(after.Max() > quiet.Max(), $"after {string.Join(' ', after)}, quiet max {quiet.Max()}");
    }

    [Fact]
    public void A_lone_spike_in_the_newest_point_is_left_to_the_residual_detector()
    {
        // The paper's continuation carries the spike on past the window, so the newest point is not salient.
        var random = new Random(2);
        var window = new SpectralResidualWindow(64);
        var quiet = new List<double>();
        for (var i = 0; i < 300; i++)
        {
            quiet.Add(window.Add(SyntheticSeries.Gaussian(random)));
        }

        Assert.True(window.Add(12) <= quiet.Max());
    }
}
