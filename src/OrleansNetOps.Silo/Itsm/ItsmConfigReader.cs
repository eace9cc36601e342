using System.Collections.Immutable;
using OrleansNetOps.Configuration;
using OrleansNetOps.Itsm.Jira;
using OrleansNetOps.Itsm.Outbox;
using OrleansNetOps.Itsm.ServiceNow;
using OrleansNetOps.Itsm.Tickets;

namespace OrleansNetOps.Silo.Itsm;

/// <summary>Reads and checks the <c>itsm</c> section; every problem names its line and field.</summary>
internal static class ItsmConfigReader
{
    public static ItsmConfig Read(YamlSection section)
    {
        var defaults = new ItsmConfig();
        var retry = new TicketRetryOptions();
        var serviceNow = ReadServiceNow(section.Section("serviceNow"));
        var jira = ReadJira(section.Section("jira"));
        var primary = section.String("primary") ?? defaults.Primary;
        if (primary is not ("servicenow" or "jira"))
        {
            section.Report(section.Value("primary")!, section.Child("primary"), $"'{primary}' is not servicenow or jira");
        }

        var delivery = section.Section("delivery");
        var config = new ItsmConfig
        {
            ServiceNow = serviceNow,
            Jira = jira,
            Primary = primary,
            Retry = new TicketRetryOptions
            {
                MaxRetries = delivery.Int("retries", retry.MaxRetries, 0, 20),
                BaseDelay = TimeSpan.FromMilliseconds(delivery.Int("baseDelayMs", (int)retry.BaseDelay.TotalMilliseconds, 1, 600_000)),
                MaxDelay = TimeSpan.FromSeconds(delivery.Int("maxDelaySeconds", (int)retry.MaxDelay.TotalSeconds, 1, 3600)),
                AttemptTimeout = TimeSpan.FromSeconds(delivery.Int("attemptTimeoutSeconds", (int)retry.AttemptTimeout.TotalSeconds, 1, 600)),
            },
            DeliveryInterval = TimeSpan.FromSeconds(delivery.Int("intervalSeconds", (int)defaults.DeliveryInterval.TotalSeconds, 1, 3600)),
        };
        delivery.Finish();
        section.Finish();
        return config;
    }

    private static ServiceNowOptions? ReadServiceNow(YamlSection section)
    {
        if (!section.IsPresent)
        {
            return null;
        }

        var url = Url(section);
        var user = section.String("user");
        var password = section.String("password");
        var bearerToken = section.String("bearerToken");
        var closeCode = section.String("closeCode");
        var assignmentGroup = section.String("assignmentGroup");
        var options = url is null ? null : new ServiceNowOptions(url) { User = user, Password = password, BearerToken = bearerToken, AssignmentGroup = assignmentGroup };
        if (options is not null && closeCode is not null)
        {
            options = options with { CloseCode = closeCode };
        }

        section.Finish();
        return options;
    }

    private static JiraOptions? ReadJira(YamlSection section)
    {
        if (!section.IsPresent)
        {
            return null;
        }

        var url = Url(section);
        var project = section.String("project");
        if (project is null or "")
        {
            section.Report(section.Anchor, section.Child("project"), "is required (the project's key, e.g. OPS)");
        }

        var priorities = ImmutableDictionary.CreateBuilder<TicketSeverity, string>();
        var prioritySection = section.Section("priorities");
        foreach (var severity in Enum.GetValues<TicketSeverity>())
        {
            if (prioritySection.String(severity.ToString().ToLowerInvariant()) is { } name)
            {
                priorities[severity] = name;
            }
        }

        prioritySection.Finish();
        var fields = new[] { "issueType", "user", "apiToken", "bearerToken", "resolveTransition", "resolvedStatus", "closeTransition", "closedStatus" }
            .ToDictionary(f => f, section.String, StringComparer.Ordinal);
        JiraOptions? options = null;
        if (url is not null && project is { Length: > 0 })
        {
            var defaults = new JiraOptions(url, project);
            options = defaults with
            {
                IssueType = fields["issueType"] ?? defaults.IssueType,
                User = fields["user"],
                ApiToken = fields["apiToken"],
                BearerToken = fields["bearerToken"],
                ResolveTransition = fields["resolveTransition"] ?? defaults.ResolveTransition,
                ResolvedStatus = fields["resolvedStatus"] ?? defaults.ResolvedStatus,
                CloseTransition = fields["closeTransition"] ?? defaults.CloseTransition,
                ClosedStatus = fields["closedStatus"] ?? defaults.ClosedStatus,
                Priorities = priorities.ToImmutable(),
            };
        }

        section.Finish();
        return options;
    }

    private static Uri? Url(YamlSection section)
    {
        var text = section.String("url");
        if (text is null)
        {
            section.Report(section.Anchor, section.Child("url"), "is required (the system's base URL, e.g. https://example.service-now.com/)");
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            section.Report(section.Value("url")!, section.Child("url"), $"'{text}' is not an http or https URL");
            return null;
        }

        return url;
    }
}
