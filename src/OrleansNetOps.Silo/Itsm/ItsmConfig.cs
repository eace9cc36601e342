using OrleansNetOps.Itsm.Jira;
using OrleansNetOps.Itsm.Outbox;
using OrleansNetOps.Itsm.ServiceNow;

namespace OrleansNetOps.Silo.Itsm;

/// <summary>The <c>itsm</c> section of <c>silo.yaml</c>: where incident tickets go. Neither system set: no tickets.</summary>
public sealed record ItsmConfig
{
    /// <summary>A ServiceNow instance (Table API).</summary>
    public ServiceNowOptions? ServiceNow { get; init; }

    /// <summary>A Jira site (REST API v2).</summary>
    public JiraOptions? Jira { get; init; }

    /// <summary>Whose ticket the incident shows when both are set: <c>servicenow</c> or <c>jira</c>.</summary>
    public string Primary { get; init; } = "servicenow";

    /// <summary>Retries and backoff within a delivery pass.</summary>
    public TicketRetryOptions Retry { get; init; } = new();

    /// <summary>Time between delivery passes while events wait.</summary>
    public TimeSpan DeliveryInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether any system is configured.</summary>
    public bool Enabled => ServiceNow is not null || Jira is not null;
}
