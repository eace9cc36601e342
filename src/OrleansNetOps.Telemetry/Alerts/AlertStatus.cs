namespace OrleansNetOps.Telemetry.Alerts;

/// <summary>Whether an alert (or an alert group) is firing or resolved.</summary>
public enum AlertStatus
{
    /// <summary>The condition holds.</summary>
    Firing,
    /// <summary>The condition has cleared.</summary>
    Resolved,
}
