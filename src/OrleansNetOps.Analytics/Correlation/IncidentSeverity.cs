using Orleans;

namespace OrleansNetOps.Analytics.Correlation;

/// <summary>How bad an incident candidate is; the API's <c>info|minor|major|critical</c>.</summary>
[GenerateSerializer]
public enum IncidentSeverity
{
    /// <summary>Worth knowing: planned work, a new log line.</summary>
    Info,

    /// <summary>Something is off, nothing is lost: a degraded path, churn, a MOAS elsewhere.</summary>
    Minor,

    /// <summary>Capacity or a path is lost: a session or link to an ISP down, a flapping session.</summary>
    Major,

    /// <summary>The network or its prefixes are in danger: a router down, our space hijacked, our own leak.</summary>
    Critical,
}
