namespace OrleansNetOps.Telemetry.Alerts;

/// <summary>One alert of an Alertmanager webhook notification.</summary>
/// <param name="Status">Firing or resolved.</param>
/// <param name="Labels">Identifying labels (alertname, instance, severity, ...).</param>
/// <param name="Annotations">Descriptive annotations (summary, description, runbook_url, ...).</param>
/// <param name="StartsAt">When the alert started firing.</param>
/// <param name="EndsAt">When it resolved; null while firing (Alertmanager sends the zero time).</param>
/// <param name="GeneratorUrl">Link to the rule's source (e.g. a Prometheus graph).</param>
/// <param name="Fingerprint">Alertmanager's hash of the label set.</param>
public sealed record AlertmanagerAlert(
    AlertStatus Status,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    string? GeneratorUrl,
    string? Fingerprint)
{
    /// <summary>The <c>alertname</c> label, or null.</summary>
    public string? Name => Labels.TryGetValue("alertname", out var name) ? name : null;
}
