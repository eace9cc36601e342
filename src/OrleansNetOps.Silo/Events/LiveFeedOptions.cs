using OrleansNetOps.Grains.Events;

namespace OrleansNetOps.Silo.Events;

/// <summary>How the live feed is sized.</summary>
public sealed record LiveFeedOptions
{
    /// <summary>The domain whose events stream is followed.</summary>
    public string Domain { get; init; } = NetOpsStreams.DefaultDomain;

    /// <summary>
    /// Events kept for <c>Last-Event-ID</c> resumption. At the simulated network's pace that is hours; a watcher gone longer
    /// is told to reload.
    /// </summary>
    public int WindowSize { get; init; } = 10_000;

    /// <summary>Events one watcher may have outstanding before its stream is ended (it reconnects and resumes).</summary>
    public int WatcherBuffer { get; init; } = 2_000;
}
