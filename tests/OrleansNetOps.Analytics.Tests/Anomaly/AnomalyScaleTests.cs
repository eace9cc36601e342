using OrleansNetOps.Analytics.Anomaly;

namespace OrleansNetOps.Analytics.Tests.Anomaly;

public sealed class AnomalyScaleTests
{
    private static readonly double FiveMinutes = TimeSpan.FromMinutes(5).TotalSeconds;

    [Fact]
    public void The_seed_levels_mean_once_a_week_and_once_a_year()
    {
        var week = FiveMinutes / TimeSpan.FromDays(7).TotalSeconds;
        var year = FiveMinutes / TimeSpan.FromDays(365.25).TotalSeconds;
        Assert.Equal(0.6, AnomalyScale.Score(week, FiveMinutes), 9);
        Assert.Equal(0.85, AnomalyScale.Score(year, FiveMinutes), 9);
        Assert.Equal(7, AnomalyScale.RecurrenceTime(0.6).TotalDays, 6);
        Assert.Equal(365.25, AnomalyScale.RecurrenceTime(0.85).TotalDays, 6);
    }

    [Fact]
    public void The_same_probability_is_rarer_at_a_slower_sampling_rate()
    {
        Assert.True(AnomalyScale.Score(1e-4, 3600) > AnomalyScale.Score(1e-4, 10));
    }

    [Fact]
    public void Scores_stay_in_zero_to_one_and_are_zero_without_an_interval_or_evidence()
    {
        Assert.Equal(1.0, AnomalyScale.Score(1e-300, FiveMinutes));
        Assert.Equal(0.0, AnomalyScale.Score(0.9, 10));
        Assert.Equal(0.0, AnomalyScale.Score(1e-9, 0));
        Assert.Equal(0.0, AnomalyScale.Score(1.0, FiveMinutes));
    }
}
