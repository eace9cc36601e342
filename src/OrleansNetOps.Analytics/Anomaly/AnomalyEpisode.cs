namespace OrleansNetOps.Analytics.Anomaly;

/// <summary>
/// One anomalous episode of a scored stream: opened by the first point at the raise level (the one that raises a
/// finding), closed by a run of quiet points, so one lasting anomaly raises one finding.
/// </summary>
internal sealed class AnomalyEpisode
{
    public bool Open { get; private set; }

    public int QuietRun { get; private set; }

    public static AnomalyEpisode Restore(bool open, int quietRun) => new() { Open = open, QuietRun = quietRun };

    /// <summary>Takes a point's score; true when it opens an episode.</summary>
    public bool Raises(double score, double raiseAt, int quietPoints)
    {
        if (Open)
        {
            QuietRun = score < raiseAt ? QuietRun + 1 : 0;
            if (QuietRun >= quietPoints)
            {
                Open = false;
            }

            return false;
        }

        if (score < raiseAt)
        {
            return false;
        }

        Open = true;
        QuietRun = 0;
        return true;
    }
}
