namespace OrleansNetOps.Analytics.RootCause;

/// <summary>How a network object is supposed to have failed.</summary>
public enum FaultMode
{
    /// <summary>It stopped working (a cut link, a dead router, a session torn down).</summary>
    Down,

    /// <summary>It works, badly (loss, latency, instability, load).</summary>
    Degraded,

    /// <summary>A prefix is announced by an origin that should not (hijack, leak, origin change).</summary>
    Origin,

    /// <summary>Nothing on the topology explains it better than the object the finding names.</summary>
    AsObserved,
}
