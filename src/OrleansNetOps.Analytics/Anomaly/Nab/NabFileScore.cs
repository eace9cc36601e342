namespace OrleansNetOps.Analytics.Anomaly.Nab;

/// <summary>NAB's raw score of one data file under one profile, with the counts behind it.</summary>
/// <param name="File">The data file, as NAB names it (e.g. <c>realTraffic/speed_6005.csv</c>).</param>
/// <param name="Score">The raw score: window rewards and penalties plus false-positive penalties.</param>
/// <param name="NullScore">The raw score of the null detector (no detections) on the same file.</param>
/// <param name="Windows">Labelled windows (each worth A_TP to the perfect detector).</param>
/// <param name="WindowsDetected">Windows with at least one scored detection inside.</param>
/// <param name="TruePositiveRows">Detections inside windows (after the probationary period).</param>
/// <param name="FalsePositiveRows">Detections outside windows (after the probationary period).</param>
public sealed record NabFileScore(
    string File,
    double Score,
    double NullScore,
    int Windows,
    int WindowsDetected,
    int TruePositiveRows,
    int FalsePositiveRows);
