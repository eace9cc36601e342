using Orleans;

namespace OrleansNetOps.Analytics.Findings;

/// <summary>Kinds of finding; <see cref="FindingKinds.Name"/> gives the API's kebab-case name.</summary>
[GenerateSerializer]
public enum FindingKind
{
    /// <summary>A series left its learned baseline.</summary>
    MetricAnomaly,

    /// <summary>A series crossed a fixed floor (the configured latency, loss or utilisation limit).</summary>
    ThresholdBreach,

    /// <summary>A utilisation series is forecast to reach its threshold within the horizon.</summary>
    CongestionForecast,

    /// <summary>A BGP session went down.</summary>
    SessionDown,

    /// <summary>A BGP session flaps (damping penalty above its suppress limit).</summary>
    SessionFlap,

    /// <summary>The path quality toward an ISP degraded (latency, loss, jitter, churn).</summary>
    PathQuality,

    /// <summary>A route violates valley-free export (a leak).</summary>
    RouteLeak,

    /// <summary>A prefix is announced by an origin AS that is not its known origin.</summary>
    OriginHijack,

    /// <summary>A prefix is announced by more than one origin AS at once.</summary>
    MultipleOrigins,

    /// <summary>A more-specific of one of our prefixes is announced by someone else.</summary>
    MoreSpecificHijack,

    /// <summary>An unusual burst of announcements and withdrawals.</summary>
    ChurnStorm,

    /// <summary>A log line of a template never seen before.</summary>
    NewLogTemplate,

    /// <summary>A log line of a rarely seen template.</summary>
    RareLogTemplate,

    /// <summary>An interface went down (SNMP linkDown or syslog).</summary>
    LinkDown,

    /// <summary>An external alert (Alertmanager) fired.</summary>
    ExternalAlert,
}
