using System.Text.Json;
using OrleansNetOps.Analytics.Baselines;
using OrleansNetOps.Analytics.Tests.Anomaly;

namespace OrleansNetOps.Analytics.Tests.Baselines;

public sealed class SeriesBaselineTests
{
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    [Fact]
    public void Learns_the_sampling_interval_and_gives_no_expectation_while_cold()
    {
        var baseline = new SeriesBaseline(new BaselineOptions());
        Assert.False(baseline.Expect(SyntheticSeries.Start).Warm);
        foreach (var (at, value) in SyntheticSeries.Daily(30, FiveMinutes, noise: 1, seed: 1))
        {
            baseline.Observe(at, value);
        }

        Assert.Equal(300, baseline.IntervalSeconds);
        Assert.True(baseline.Expect(SyntheticSeries.Start + (30 * FiveMinutes)).Warm);
        Assert.Equal(Seasonality.None, baseline.Chosen);
    }

    [Fact]
    public void Learns_a_daily_pattern_and_expects_it_robustly()
    {
        var series = SyntheticSeries.Daily(288 * 6, FiveMinutes, noise: 1, seed: 2);
        // An outlier must not drag the profile: yesterday at 14:00 was wild.
        series[(5 * 288) + 168].Value += 200;

        var baseline = new SeriesBaseline(new BaselineOptions());
        foreach (var (at, value) in series)
        {
            baseline.Observe(at, value);
        }

        Assert.Equal(Seasonality.Daily, baseline.Chosen);
        var afternoon = baseline.Expect(SyntheticSeries.Start.AddDays(6).AddHours(14));
        var night = baseline.Expect(SyntheticSeries.Start.AddDays(6).AddHours(2));
        Assert.InRange(afternoon.Mean, 67, 73); // 40 + 30
        Assert.InRange(night.Mean, 38, 42);
        Assert.InRange(night.Scale, 0.4, 2.0); // noise σ = 1: mean absolute deviation ≈ 0.8
    }

    [Fact]
    public void Learns_a_weekly_pattern_when_weekends_differ()
    {
        var series = SyntheticSeries.Daily(288 * 35, FiveMinutes, noise: 1, seed: 3);
        for (var i = 0; i < series.Length; i++)
        {
            if (series[i].At.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                series[i].Value -= 25;
            }
        }

        var baseline = new SeriesBaseline(new BaselineOptions());
        foreach (var (at, value) in series)
        {
            baseline.Observe(at, value);
        }

        Assert.Equal(Seasonality.Weekly, baseline.Chosen);
        var end = series[^1].At;
        var saturday = end.AddDays(((int)DayOfWeek.Saturday - (int)end.DayOfWeek + 7) % 7).Date.AddHours(14);
        var monday = end.AddDays(((int)DayOfWeek.Monday - (int)end.DayOfWeek + 7) % 7).Date.AddHours(14);
        Assert.InRange(baseline.Seasonal(new DateTimeOffset(monday, TimeSpan.Zero)) - baseline.Seasonal(new DateTimeOffset(saturday, TimeSpan.Zero)), 18, 32);
    }

    [Fact]
    public void A_level_shift_is_absorbed_within_a_day_but_not_at_once()
    {
        var series = SyntheticSeries.Daily(288 * 6, FiveMinutes, noise: 1, seed: 4);
        var shiftAt = 288 * 4;
        for (var i = shiftAt; i < series.Length; i++)
        {
            series[i].Value += 15;
        }

        var baseline = new SeriesBaseline(new BaselineOptions());
        var gaps = new Dictionary<int, double>();
        for (var i = 0; i < series.Length; i++)
        {
            gaps[i - shiftAt] = series[i].Value - baseline.Expect(series[i].At).Mean;
            baseline.Observe(series[i].At, series[i].Value);
        }

        Assert.InRange(gaps[1], 12, 18); // robust: one point does not move it
        Assert.True(gaps[24] < gaps[1], $"{gaps[24]} after two hours");
        // From half a day on, the shift is the new normal: what is left is the noise (σ = 1).
        var later = Enumerable.Range(144, 288).Select(i => Math.Abs(gaps[i])).Average();
        Assert.True(later < 1.5, $"mean |gap| {later}");
    }

    [Fact]
    public void State_round_trips_through_JSON()
    {
        var options = new BaselineOptions();
        var baseline = new SeriesBaseline(options);
        foreach (var (at, value) in SyntheticSeries.Daily(288 * 3, FiveMinutes, noise: 2, seed: 5))
        {
            baseline.Observe(at, value);
        }

        var restored = SeriesBaseline.FromState(options, JsonSerializer.Deserialize<SeriesBaselineState>(JsonSerializer.Serialize(baseline.ToState()))!);
        var probe = SyntheticSeries.Start.AddDays(3).AddHours(13);
        Assert.Equal(baseline.Expect(probe), restored.Expect(probe));
        Assert.Equal(baseline.Chosen, restored.Chosen);
    }
}
