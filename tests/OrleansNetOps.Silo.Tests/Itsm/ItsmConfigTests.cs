using OrleansNetOps.Configuration;
using OrleansNetOps.Itsm.Tickets;
using OrleansNetOps.Silo.Configuration;

namespace OrleansNetOps.Silo.Tests.Itsm;

public sealed class ItsmConfigTests
{
    [Fact]
    public void The_itsm_section_configures_servicenow_and_jira_with_secrets_from_the_environment()
    {
        var yaml = """
            itsm:
              primary: jira
              serviceNow:
                url: https://example.service-now.com/
                user: netops.integration
                closeCode: Solved (Work Around)
              jira:
                url: https://example.atlassian.net/
                project: OPS
                user: netops-bot@example.com
                priorities: { critical: Highest, major: High }
              delivery:
                retries: 6
                baseDelayMs: 250
                intervalSeconds: 5
            """;
        var config = SiloConfigLoader.Parse(yaml, "silo.yaml", [new("NETOPS__Itsm__ServiceNow__Password", "from-env"), new("NETOPS__Itsm__Jira__ApiToken", "token")]).Itsm;
        Assert.True(config.Enabled);
        Assert.Equal(("jira", 6, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5)), (config.Primary, config.Retry.MaxRetries, config.Retry.BaseDelay, config.DeliveryInterval));
        Assert.Equal(("netops.integration", "from-env", "Solved (Work Around)"), (config.ServiceNow!.User, config.ServiceNow.Password, config.ServiceNow.CloseCode));
        Assert.Equal(("OPS", "token", "High"), (config.Jira!.ProjectKey, config.Jira.ApiToken, config.Jira.Priorities[TicketSeverity.Major]));
        Assert.False(SiloConfigLoader.Parse("http: {}\n", "silo.yaml", []).Itsm.Enabled);
    }

    [Fact]
    public void Itsm_errors_name_line_column_and_field()
    {
        var yaml = """
            itsm:
              primary: remedy
              serviceNow:
                url: ftp://example/
              jira:
                url: https://example.atlassian.net/
                colour: blue
              delivery:
                retries: 99
            """;
        var errors = Assert.Throws<ConfigException>(() => SiloConfigLoader.Parse(yaml, "silo.yaml", [])).Errors.Select(e => e.ToString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
        [
            "silo.yaml:2:12: itsm.primary: 'remedy' is not servicenow or jira",
            "silo.yaml:4:10: itsm.serviceNow.url: 'ftp://example/' is not an http or https URL",
            "silo.yaml:6:5: itsm.jira.project: is required (the project's key, e.g. OPS)",
            "silo.yaml:7:5: itsm.jira.colour: unknown field; expected one of url, project, priorities, issueType, user, apiToken, bearerToken, resolveTransition, resolvedStatus, closeTransition, closedStatus",
            "silo.yaml:9:14: itsm.delivery.retries: 99 is out of range (0..20)",
        ], errors);
    }
}
