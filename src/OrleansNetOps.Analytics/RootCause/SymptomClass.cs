namespace OrleansNetOps.Analytics.RootCause;

/// <summary>What a finding says about the network, as far as finding a cause goes.</summary>
public enum SymptomClass
{
    /// <summary>A BGP session went down.</summary>
    SessionLoss,

    /// <summary>A BGP session flaps.</summary>
    SessionInstability,

    /// <summary>An interface went down.</summary>
    InterfaceDown,

    /// <summary>A path or link performs worse: probe loss, latency, jitter, utilisation.</summary>
    PathDegradation,

    /// <summary>A router's own health: CPU, memory.</summary>
    RouterHealth,

    /// <summary>Routes changing: update bursts, prefix counts moving.</summary>
    Churn,

    /// <summary>Who announces what: hijacks, MOAS, leaks.</summary>
    RoutingSecurity,

    /// <summary>A new or rare log line.</summary>
    Log,

    /// <summary>An external alert.</summary>
    Alert,
}
