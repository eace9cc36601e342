using System.Text.Json;
using OrleansNetOps.Analytics.Anomaly;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Analytics.Forecasting;
using OrleansNetOps.Analytics.Tests.Anomaly;

namespace OrleansNetOps.Analytics.Tests.Forecasting;

public sealed class UtilisationForecasterTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly MetricSeries IspA = new("R1", "R1~ISP-A", MetricKind.UtilisationPercent);

    [Fact]
    public void A_steady_ramp_is_forecast_to_reach_the_threshold_with_an_interval_around_the_truth()
    {
        // A day at 40 % ± 2, then +0.5 % a minute: from 60 %, 85 % is 50 minutes away.
        var random = new Random(1);
        var forecaster = new UtilisationForecaster(IspA, new ForecastOptions { Horizon = TimeSpan.FromMinutes(120) }, threshold: 85);
        var at = SyntheticSeries.Start;
        var findings = new List<Finding>();
        for (var i = 0; i < 1440; i++, at += Minute)
        {
            findings.AddRange(Finding(forecaster.Observe(at, 40 + (2 * SyntheticSeries.Gaussian(random)))));
        }

        ThresholdForecast? forecast = null;
        for (var value = 40.0; value < 60; value += 0.5, at += Minute)
        {
            var verdict = forecaster.Observe(at, value + (0.5 * SyntheticSeries.Gaussian(random)));
            forecast = verdict.Forecast;
            findings.AddRange(Finding(verdict));
        }

        Assert.NotNull(forecast);
        Assert.NotNull(forecast.EtaMinutes);
        Assert.InRange(forecast.EtaMinutes.Value, 35, 65);
        Assert.True(forecast.Low <= 50 && (forecast.High is null || forecast.High >= 50), $"interval {forecast.Low}–{forecast.High}");
        Assert.True(forecast.Confidence >= 0.5, $"confidence {forecast.Confidence}");
        Assert.Equal(120, forecast.HorizonMinutes);
        Assert.Equal("R1~ISP-A", forecast.Path);
        var congestion = Assert.Single(findings);
        Assert.Equal(FindingKind.CongestionForecast, congestion.Kind);
        Assert.Contains("reaches 85", congestion.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_is_forecast_during_cold_start_and_a_flat_series_stays_unlikely_to_cross()
    {
        var random = new Random(2);
        var forecaster = new UtilisationForecaster(IspA, new ForecastOptions(), threshold: 85);
        var at = SyntheticSeries.Start;
        Assert.Null(forecaster.Observe(at, 30).Forecast);
        ThresholdForecast? last = null;
        for (var i = 0; i < 2000; i++, at += Minute)
        {
            last = forecaster.Observe(at, 30 + SyntheticSeries.Gaussian(random)).Forecast;
        }

        Assert.NotNull(last);
        Assert.Null(last.EtaMinutes);
        Assert.Null(last.Low);
        Assert.Equal(0, last.Confidence);
    }

    [Fact]
    public void Above_the_threshold_the_eta_is_zero()
    {
        var random = new Random(3);
        var forecaster = new UtilisationForecaster(IspA, new ForecastOptions(), threshold: 85);
        var at = SyntheticSeries.Start;
        for (var i = 0; i < 2000; i++, at += Minute)
        {
            forecaster.Observe(at, 80 + SyntheticSeries.Gaussian(random));
        }

        var forecast = forecaster.Observe(at, 90).Forecast;
        Assert.Equal(new ThresholdForecast("R1~ISP-A", 60, 85, 0, 0, 0, 1), forecast);
    }

    [Fact]
    public void Restored_from_JSON_it_forecasts_the_same()
    {
        var series = SyntheticSeries.Daily(288 * 3, TimeSpan.FromMinutes(5), noise: 3, seed: 4);
        var options = new ForecastOptions();
        var forecaster = new UtilisationForecaster(IspA, options, threshold: 65);
        foreach (var (at, value) in series.Take(288 * 2))
        {
            forecaster.Observe(at, value);
        }

        var json = JsonSerializer.Serialize(forecaster.ToState());
        var restored = UtilisationForecaster.FromState(IspA, options, 65, JsonSerializer.Deserialize<UtilisationForecasterState>(json)!);
        foreach (var (at, value) in series.Skip(288 * 2))
        {
            Assert.Equal(forecaster.Observe(at, value).Forecast, restored.Observe(at, value).Forecast);
        }
    }

    private static IEnumerable<Finding> Finding(ForecastVerdict verdict) => verdict.Finding is { } finding ? [finding] : [];
}
