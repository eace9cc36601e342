using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using OrleansNetOps.Grains.Events;
using OrleansNetOps.Grains.Itsm;
using OrleansNetOps.Itsm.Jira;
using OrleansNetOps.Itsm.Outbox;
using OrleansNetOps.Itsm.ServiceNow;
using OrleansNetOps.Silo.Itsm;
using OrleansNetOps.Silo.Tests.Infrastructure;
using OrleansNetOps.TestSupport.Itsm;

namespace OrleansNetOps.Silo.Tests.Itsm;

/// <summary>
/// Incidents on the live-feed stream become tickets in local stand-ins that speak ServiceNow's Table API and Jira's
/// REST API v2 (Kestrel on 127.0.0.1), through the silo's configuration, the outbox grain and its retries.
/// </summary>
public sealed class ItsmOutboxTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Opened = new(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);
    private ServiceNowStandIn _serviceNow = null!;
    private JiraStandIn _jira = null!;

    public async Task InitializeAsync()
    {
        _serviceNow = await ServiceNowStandIn.StartAsync();
        _jira = await JiraStandIn.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _serviceNow.DisposeAsync();
        await _jira.DisposeAsync();
    }

    private Task<TestSilo> SiloAsync() => TestSilo.StartAsync(TestSilo.MemoryConfig() with
    {
        Itsm = new ItsmConfig
        {
            ServiceNow = new ServiceNowOptions(_serviceNow.Server.BaseUrl) { User = ServiceNowStandIn.User, Password = ServiceNowStandIn.Password },
            Jira = new JiraOptions(_jira.Server.BaseUrl, "OPS") { User = JiraStandIn.User, ApiToken = JiraStandIn.Token },
            Retry = new TicketRetryOptions { MaxRetries = 4, BaseDelay = TimeSpan.FromMilliseconds(50), AttemptTimeout = TimeSpan.FromSeconds(3) },
            DeliveryInterval = TimeSpan.FromSeconds(1),
        },
    });

    private static string Incident(string state, string? rootCause = null, params string[] actionIds)
    {
        var incident = new JsonObject
        {
            ["id"] = "INC-7",
            ["title"] = "ISP-A utilisation heading for 85 % while R1-ISP-A is down",
            ["severity"] = "major",
            ["state"] = state,
            ["openedAt"] = Opened.ToString("O"),
            ["routers"] = new JsonArray("R1", "R2"),
            ["actionIds"] = new JsonArray([.. actionIds.Select(a => (JsonNode)a)]),
        };
        if (rootCause is not null)
        {
            incident["rootCause"] = new JsonObject { ["summary"] = rootCause, ["confidence"] = 0.91, ["evidence"] = new JsonArray("BMP Peer Down R1 198.51.100.2") };
        }

        return incident.ToJsonString();
    }

    private static async Task PublishAsync(TestSilo silo, string json, int minute)
    {
        var stream = silo.App.Services.GetRequiredService<IClusterClient>().GetStreamProvider(NetOpsStreams.Provider).GetStream<NetOpsEvent>(NetOpsStreams.Events());
        await stream.OnNextAsync(new NetOpsEvent("incident", "INC-7", Opened.AddMinutes(minute), json));
    }

    private static async Task UntilAsync(Func<bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"never: {what}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Local_ServiceNow_and_Jira_stand_ins_failing_their_first_attempts_get_one_ticket_created_enriched_resolved_and_closed()
    {
        _serviceNow.Server.Faults.Enqueue(Fault.Error(503));
        _serviceNow.Server.Faults.Enqueue(Fault.Error(500));
        _jira.Server.Faults.Enqueue(Fault.Error(502));
        _jira.Server.Faults.Enqueue(Fault.Hang(TimeSpan.FromSeconds(8)));
        await using var silo = await SiloAsync();
        var outbox = silo.Grains.GetGrain<ITicketOutboxGrain>(NetOpsStreams.DefaultDomain);

        await PublishAsync(silo, Incident("open"), 0);
        await UntilAsync(() => _serviceNow.Incidents.Count == 1 && _jira.Issues.Count == 1, "a ticket in both systems");
        var ticket = await outbox.GetTicketAsync("INC-7");
        Assert.NotNull(ticket);
        Assert.Equal(("servicenow", "INC0010001"), (ticket.System, ticket.Key));
        Assert.Equal(["servicenow", "jira"], (await outbox.GetTicketsAsync("INC-7")).Select(t => t.System));
        Assert.Equal(new Uri(_jira.Server.BaseUrl, "browse/OPS-1"), (await outbox.GetTicketsAsync("INC-7"))[1].Url);

        await PublishAsync(silo, Incident("mitigating", "fibre cut R1-ISP-A", "act-1"), 2);
        await PublishAsync(silo, Incident("mitigating", "fibre cut R1-ISP-A", "act-1"), 2);   // the same update again: nothing new
        await PublishAsync(silo, Incident("resolved", "fibre cut R1-ISP-A", "act-1"), 5);
        await PublishAsync(silo, Incident("closed", "fibre cut R1-ISP-A", "act-1"), 30);
        await UntilAsync(() => _serviceNow.Incidents[0]["state"]!.GetValue<string>() == "7" && _jira.Issues[0].Status == "Closed", "both tickets closed");

        var incident = Assert.Single(_serviceNow.Incidents);
        Assert.Equal("INC-7", incident["correlation_id"]!.GetValue<string>());
        Assert.Contains("Root cause: fibre cut R1-ISP-A (confidence 0.91)", incident["description"]!.GetValue<string>(), StringComparison.Ordinal);
        var issue = Assert.Single(_jira.Issues);
        Assert.Equal<string>(["Resolved", "Closed"], issue.History);
        Assert.Single(issue.Comments, c => c.Contains("State: open → mitigating.", StringComparison.Ordinal));
        Assert.Single(_serviceNow.Server.Requests, r => r.StartsWith("POST ", StringComparison.Ordinal) && r.EndsWith("201", StringComparison.Ordinal));
        Assert.Contains(_serviceNow.Server.Requests, r => r.EndsWith("503 (fault)", StringComparison.Ordinal));
        Assert.Contains(_jira.Server.Requests, r => r.EndsWith("no answer (fault)", StringComparison.Ordinal));

        var entries = await outbox.GetEntriesAsync("INC-7");
        foreach (var system in new[] { "servicenow", "jira" })
        {
            Assert.Equal(["INC-7:created", "enriched", "INC-7:resolved", "INC-7:closed"],
                entries[system].Select(e => e.Event.Id.Contains(":enriched:", StringComparison.Ordinal) ? "enriched" : e.Event.Id));
            Assert.All(entries[system], e => Assert.Equal(OutboxEntryState.Delivered, e.State));
        }

        Assert.True(entries["servicenow"][0].Attempts >= 1);
    }

    [Fact]
    public async Task A_malformed_incident_on_the_feed_is_refused_naming_the_field_and_the_feed_goes_on()
    {
        await using var silo = await SiloAsync();
        var outbox = silo.Grains.GetGrain<ITicketOutboxGrain>(NetOpsStreams.DefaultDomain);
        var error = await Assert.ThrowsAsync<FormatException>(() => outbox.ObserveIncidentAsync("""{"id":"INC-8","state":"exploded"}""", Opened));
        Assert.Equal("incident INC-8: state 'exploded' is not one of open|acknowledged|mitigating|resolved|closed", error.Message);

        await PublishAsync(silo, """{"id":"INC-7"}""", 0);
        await PublishAsync(silo, Incident("open"), 1);
        await UntilAsync(() => _serviceNow.Incidents.Count == 1, "the good incident's ticket");
        Assert.Contains(silo.Logs.Entries, e => e.Message.Contains("incident INC-7: 'state' is missing", StringComparison.Ordinal));
    }
}
