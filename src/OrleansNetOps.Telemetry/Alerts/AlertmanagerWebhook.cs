namespace OrleansNetOps.Telemetry.Alerts;

/// <summary>An Alertmanager webhook notification (payload version 4).</summary>
/// <param name="Version">Payload version; always "4" today.</param>
/// <param name="GroupKey">Key identifying the alert group.</param>
/// <param name="TruncatedAlerts">Alerts left out because of the receiver's max_alerts.</param>
/// <param name="Status">Group status: firing if any alert fires.</param>
/// <param name="Receiver">Receiver name from the Alertmanager configuration.</param>
/// <param name="GroupLabels">Labels the group was formed on.</param>
/// <param name="CommonLabels">Labels all alerts share.</param>
/// <param name="CommonAnnotations">Annotations all alerts share.</param>
/// <param name="ExternalUrl">Alertmanager's external URL.</param>
/// <param name="Alerts">The alerts.</param>
public sealed record AlertmanagerWebhook(
    string Version,
    string GroupKey,
    int TruncatedAlerts,
    AlertStatus Status,
    string Receiver,
    IReadOnlyDictionary<string, string> GroupLabels,
    IReadOnlyDictionary<string, string> CommonLabels,
    IReadOnlyDictionary<string, string> CommonAnnotations,
    string? ExternalUrl,
    IReadOnlyList<AlertmanagerAlert> Alerts);
