namespace OrleansNetOps.Telemetry.Alerts;

/// <summary>An Alertmanager alert as kept.</summary>
/// <param name="ReceivedAt">When the webhook arrived.</param>
/// <param name="Receiver">The Alertmanager receiver that sent it.</param>
/// <param name="GroupKey">The notification's group key.</param>
/// <param name="Router">Router id, when a label names one (<c>router</c>, else <c>instance</c>).</param>
/// <param name="Alert">The alert.</param>
public sealed record StoredAlert(DateTimeOffset ReceivedAt, string Receiver, string GroupKey, string? Router, AlertmanagerAlert Alert);
