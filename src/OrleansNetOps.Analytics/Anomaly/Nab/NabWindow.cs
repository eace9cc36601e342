namespace OrleansNetOps.Analytics.Anomaly.Nab;

/// <summary>One labelled anomaly window of a NAB data file; both ends are timestamps of rows of the file.</summary>
/// <param name="Start">First row of the window.</param>
/// <param name="End">Last row of the window.</param>
public sealed record NabWindow(DateTime Start, DateTime End);
