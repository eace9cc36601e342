namespace OrleansNetOps.Analytics.Tests.Anomaly;

/// <summary>Seeded synthetic series for tests that need a known truth (real series are used where the truth is labelled).</summary>
internal static class SyntheticSeries
{
    public static readonly DateTimeOffset Start = new(2024, 3, 4, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A daily pattern (a business-hours bump) plus Gaussian noise, one point per <paramref name="step"/>.</summary>
    public static (DateTimeOffset At, double Value)[] Daily(int points, TimeSpan step, double noise, int seed)
    {
        var random = new Random(seed);
        var series = new (DateTimeOffset, double)[points];
        for (var i = 0; i < points; i++)
        {
            var at = Start + (i * step);
            var hour = at.TimeOfDay.TotalHours;
            var shape = 40 + (30 * Math.Exp(-Math.Pow((hour - 14) / 3.5, 2)));
            series[i] = (at, shape + (noise * Gaussian(random)));
        }

        return series;
    }

    public static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
