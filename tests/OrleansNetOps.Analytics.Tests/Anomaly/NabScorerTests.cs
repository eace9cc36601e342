using OrleansNetOps.Analytics.Anomaly.Nab;
using OrleansNetOps.TestSupport;

namespace OrleansNetOps.Analytics.Tests.Anomaly;

/// <summary>
/// The NAB scorer against hand-computed cases from NAB's definitions (<c>nab/sweeper.py</c>, the runner's
/// normalisation) and the sanity cases: the perfect detector scores 100, the null detector 0.
/// </summary>
public sealed class NabScorerTests
{
    private static readonly DateTime Start = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    [Theory]
    [InlineData(-1.0, 0.98661)]
    [InlineData(-0.5, 0.84828)]
    [InlineData(0.0, 0.0)]
    [InlineData(1.0, -0.98661)]
    [InlineData(3.0, -1.0)]
    [InlineData(7.5, -1.0)]
    public void Scaled_sigmoid_matches_NAB(double position, double expected) =>
        Assert.Equal(expected, NabScorer.ScaledSigmoid(position), 5);

    [Fact]
    public void Probationary_length_is_fifteen_percent_capped_at_750_rows()
    {
        var scorer = new NabScorer(NabCostProfile.Standard);
        Assert.Equal(604, scorer.ProbationaryLength(4032));
        Assert.Equal(750, scorer.ProbationaryLength(15902));
        Assert.Equal(243, scorer.ProbationaryLength(1624));
    }

    [Fact]
    public void A_missed_window_costs_A_FN_and_a_detection_at_its_left_edge_earns_A_TP()
    {
        var (timestamps, windows) = File(rows: 100, (40, 49));
        var scorer = new NabScorer(NabCostProfile.Standard, probationPercent: 0);
        var missed = scorer.ScoreFile("f", timestamps, Detections(100), windows);
        var early = scorer.ScoreFile("f", timestamps, Detections(100, 40), windows);
        Assert.Equal(-1.0, missed.Score, 12);
        Assert.Equal(-1.0, missed.NullScore, 12);
        Assert.Equal(1.0, early.Score, 12);
        Assert.Equal(1, early.WindowsDetected);
    }

    [Fact]
    public void Only_the_earliest_detection_in_a_window_counts()
    {
        var (timestamps, windows) = File(rows: 100, (40, 49));
        var scorer = new NabScorer(NabCostProfile.Standard, probationPercent: 0);
        var late = scorer.ScoreFile("f", timestamps, Detections(100, 47), windows);
        var both = scorer.ScoreFile("f", timestamps, Detections(100, 44, 47), windows);
        var middle = scorer.ScoreFile("f", timestamps, Detections(100, 44), windows);
        // Row 47 of a 10-row window ending at 49: position −(49 − 47 + 1)/10 = −0.3.
        Assert.Equal(NabScorer.ScaledSigmoid(-0.3) / NabScorer.ScaledSigmoid(-1), late.Score, 12);
        Assert.Equal(middle.Score, both.Score, 12);
        Assert.Equal(2, both.TruePositiveRows);
    }

    [Fact]
    public void A_false_positive_costs_A_FP_far_from_windows_and_less_right_after_one()
    {
        var (timestamps, windows) = File(rows: 200, (100, 109));
        var scorer = new NabScorer(NabCostProfile.Standard, probationPercent: 0);
        var before = scorer.ScoreFile("f", timestamps, Detections(200, 10), windows);
        var justAfter = scorer.ScoreFile("f", timestamps, Detections(200, 111), windows);
        var farAfter = scorer.ScoreFile("f", timestamps, Detections(200, 190), windows);
        Assert.Equal(-1 - 0.11, before.Score, 12);
        // Two rows past a 10-row window: position 2/9.
        Assert.Equal(-1 + (0.11 * NabScorer.ScaledSigmoid(2.0 / 9)), justAfter.Score, 12);
        Assert.True(justAfter.Score > farAfter.Score);
        Assert.Equal(-1 - 0.11, farAfter.Score, 12);
        Assert.Equal(1, before.FalsePositiveRows);
    }

    [Fact]
    public void Detections_in_the_probationary_period_are_ignored_and_a_window_inside_it_is_not_scored()
    {
        var (timestamps, windows) = File(rows: 100, (5, 9), (60, 69));
        var scorer = new NabScorer(NabCostProfile.Standard); // probation: 15 rows
        var file = scorer.ScoreFile("f", timestamps, Detections(100, 3, 7, 60), windows);
        Assert.Equal(1.0, file.Score, 12);
        Assert.Equal(-1.0, file.NullScore, 12);
        Assert.Equal(0, file.FalsePositiveRows);
        Assert.Equal(2, file.Windows);
    }

    [Fact]
    public void Perfect_detector_scores_100_and_null_detector_0_on_the_shared_corpus()
    {
        var root = SharedData.Path("NAB");
        var labels = NabLabels.ParseWindows(System.IO.File.ReadAllText(System.IO.Path.Combine(root, "labels", "combined_windows.json")));
        var scorer = new NabScorer(NabCostProfile.Standard);
        var perfect = new List<NabFileScore>();
        var none = new List<NabFileScore>();
        foreach (var (name, windows) in labels)
        {
            var timestamps = System.IO.File.ReadLines(System.IO.Path.Combine(root, "data", name)).Skip(1)
                .Select(line => DateTime.ParseExact(line.Split(',')[0], "yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture))
                .ToArray();
            var firstRows = windows.Select(w => Array.IndexOf(timestamps, w.Start)).ToHashSet();
            perfect.Add(scorer.ScoreFile(name, timestamps, [.. Enumerable.Range(0, timestamps.Length).Select(firstRows.Contains)], windows));
            none.Add(scorer.ScoreFile(name, timestamps, new bool[timestamps.Length], windows));
        }

        Assert.Equal(34, labels.Count);
        Assert.Equal(67, labels.Values.Sum(w => w.Length));
        Assert.Equal(100.0, scorer.Total(perfect).Score, 9);
        Assert.Equal(0.0, scorer.Total(none).Score, 9);
        Assert.Equal(-67.0, scorer.Total(none).RawScore, 9);
    }

    [Fact]
    public void The_corpus_score_sums_raw_scores_before_normalising()
    {
        var scorer = new NabScorer(NabCostProfile.Standard);
        var files = new[]
        {
            new NabFileScore("a", Score: 1.0, NullScore: -1, Windows: 1, WindowsDetected: 1, TruePositiveRows: 1, FalsePositiveRows: 0),
            new NabFileScore("b", Score: -3.0, NullScore: -3, Windows: 3, WindowsDetected: 0, TruePositiveRows: 0, FalsePositiveRows: 0),
        };
        // (−2 − (−4)) / (4 − (−4)) = 25, not the mean of the files' own normalised scores (50 and 0).
        Assert.Equal(25.0, scorer.Total(files).Score, 12);
    }

    [Fact]
    public void Windows_must_line_up_with_rows()
    {
        var (timestamps, _) = File(rows: 10);
        var scorer = new NabScorer(NabCostProfile.Standard);
        var off = new NabWindow(Start.AddMinutes(2.5), Start.AddMinutes(20));
        var error = Assert.Throws<ArgumentException>(() => scorer.ScoreFile("f.csv", timestamps, new bool[10], [off]));
        Assert.Contains("f.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_parse_NAB_timestamps_and_reject_bad_ones()
    {
        var labels = NabLabels.ParseWindows("""{"x/a.csv": [["2014-04-10 07:15:00.000000", "2014-04-11 16:45:00.000000"]], "x/b.csv": []}""");
        Assert.Equal(new DateTime(2014, 4, 10, 7, 15, 0), labels["x/a.csv"][0].Start);
        Assert.Empty(labels["x/b.csv"]);
        var error = Assert.Throws<FormatException>(() => NabLabels.ParseWindows("""{"x/a.csv": [["yesterday", "2014-04-11 16:45:00"]]}"""));
        Assert.Contains("x/a.csv", error.Message, StringComparison.Ordinal);
    }

    private static (DateTime[] Timestamps, NabWindow[] Windows) File(int rows, params (int First, int Last)[] windows)
    {
        var timestamps = Enumerable.Range(0, rows).Select(i => Start.AddMinutes(5 * i)).ToArray();
        return (timestamps, [.. windows.Select(w => new NabWindow(timestamps[w.First], timestamps[w.Last]))]);
    }

    private static bool[] Detections(int rows, params int[] at)
    {
        var detections = new bool[rows];
        foreach (var i in at)
        {
            detections[i] = true;
        }

        return detections;
    }
}
