using System.Globalization;
using OrleansNetOps.Analytics.Anomaly;

namespace OrleansNetOps.Cli.Offline;

/// <summary>The offline detector: a fresh <see cref="SeriesAnomalyScorer"/> run over a file's rows, in order.</summary>
internal static class SeriesDetection
{
    /// <summary>The CSV header of <c>detect</c>'s output.</summary>
    public const string Header = "timestamp,value,score,anomaly";

    /// <summary>Scores every row; row i's verdict depends only on rows 0..i.</summary>
    public static IReadOnlyList<AnomalyPoint> Score(IReadOnlyList<SeriesRow> rows, AnomalyScorerOptions options)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var scorer = new SeriesAnomalyScorer(options);
        var points = new AnomalyPoint[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            points[i] = scorer.Observe(rows[i].At, rows[i].Value);
        }

        return points;
    }

    /// <summary>Writes <see cref="Header"/> and one line per row: the timestamp and value as read, the score, and 1 where a finding is raised.</summary>
    public static void Write(TextWriter output, IReadOnlyList<SeriesRow> rows, IReadOnlyList<AnomalyPoint> points)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(Header);
        for (var i = 0; i < rows.Count; i++)
        {
            output.Write(rows[i].TimestampText);
            output.Write(',');
            output.Write(rows[i].ValueText);
            output.Write(',');
            output.Write(points[i].Score.ToString("0.######", CultureInfo.InvariantCulture));
            output.WriteLine(points[i].Raised ? ",1" : ",0");
        }
    }
}
