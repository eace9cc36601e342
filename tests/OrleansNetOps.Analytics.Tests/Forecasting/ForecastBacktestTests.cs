using System.Globalization;
using OrleansNetOps.Analytics.Forecasting;
using OrleansNetOps.TestSupport;
using Xunit.Abstractions;

namespace OrleansNetOps.Analytics.Tests.Forecasting;

/// <summary>
/// Backtests on real traffic-like series from NAB: road occupancy (percent, the closest thing to a utilisation in the
/// corpus) and Twitter volumes (traffic counts). The threshold is each series' 90th percentile, so it is reached now and
/// then; every point below it with a full horizon after it is a forecast origin.
/// </summary>
public sealed class ForecastBacktestTests(ITestOutputHelper output)
{
    public static TheoryData<string, int> Series() => new()
    {
        { "realTraffic/occupancy_6005.csv", 60 },
        { "realTraffic/occupancy_t4013.csv", 60 },
        { "realTweets/Twitter_volume_AAPL.csv", 60 },
        { "realTweets/Twitter_volume_GOOG.csv", 60 },
        { "realTweets/Twitter_volume_IBM.csv", 60 },
        { "realTraffic/occupancy_6005.csv", 120 },
        { "realTraffic/occupancy_t4013.csv", 120 },
        { "realTweets/Twitter_volume_AMZN.csv", 120 },
    };

    [Theory]
    [MemberData(nameof(Series))]
    public void The_80_percent_interval_covers_at_least_80_percent(string file, int horizonMinutes)
    {
        var points = Read(file);
        var sorted = points.Select(p => p.Value).Order().ToArray();
        var threshold = sorted[(int)(0.9 * (sorted.Length - 1))];
        var result = ForecastBacktest.Run(points, threshold, new ForecastOptions { Horizon = TimeSpan.FromMinutes(horizonMinutes) });
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{file} h={horizonMinutes} θ={threshold:G4}: origins {result.Origins}, events {result.Events}, coverage {result.Coverage:P1} (events {result.EventCoverage:P1}), ETA median error {result.MedianEtaError:F1} min over {result.EventsPredicted} predicted events; straight line {result.NaiveMedianEtaError:F1} min over {result.NaiveEventsPredicted}; common {result.CommonEvents}: {result.CommonMedianEtaError:F1} vs {result.CommonNaiveMedianEtaError:F1}; Brier {result.Brier:F3}, mean confidence {result.MeanConfidence:F3} vs event rate {result.EventRate:F3}"));
        Assert.True(result.Events > 50, $"{result.Events} events");
        Assert.True(result.Coverage >= 0.8, $"coverage {result.Coverage:P1}");
        Assert.True(result.MedianEtaError <= horizonMinutes / 3.0, $"median ETA error {result.MedianEtaError} min");
    }

    private static List<(DateTimeOffset At, double Value)> Read(string file) =>
        [.. File.ReadLines(SharedData.Path("NAB", "data", file)).Skip(1).Select(line => line.Split(',')).Select(f => (
            new DateTimeOffset(DateTime.ParseExact(f[0], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), TimeSpan.Zero),
            double.Parse(f[1], CultureInfo.InvariantCulture)))];
}
