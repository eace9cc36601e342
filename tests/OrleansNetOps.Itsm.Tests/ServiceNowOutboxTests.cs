using Microsoft.Extensions.Logging.Abstractions;
using OrleansNetOps.Itsm.Outbox;
using OrleansNetOps.Itsm.ServiceNow;
using OrleansNetOps.TestSupport.Itsm;
using OrleansNetOps.Itsm.Tickets;

namespace OrleansNetOps.Itsm.Tests;

/// <summary>The outbox delivering to a local stand-in that speaks ServiceNow's Table API (Kestrel on 127.0.0.1).</summary>
public sealed class ServiceNowOutboxTests : IAsyncLifetime, IDisposable
{
    private static readonly TicketRetryOptions s_retry = new() { MaxRetries = 4, BaseDelay = TimeSpan.FromMilliseconds(20), AttemptTimeout = TimeSpan.FromSeconds(3) };
    private readonly HttpClient _http = new();
    private ServiceNowStandIn _serviceNow = null!;

    public async Task InitializeAsync() => _serviceNow = await ServiceNowStandIn.StartAsync();

    public async Task DisposeAsync() => await _serviceNow.DisposeAsync();

    public void Dispose() => _http.Dispose();

    private TicketOutbox Outbox(ITicketOutboxStore? store = null, string password = ServiceNowStandIn.Password) => new(
        new ServiceNowTicketSystem(_http, new ServiceNowOptions(_serviceNow.Server.BaseUrl) { User = ServiceNowStandIn.User, Password = password }),
        store ?? new InMemoryTicketOutboxStore(), TicketDeliveryPipeline.Create(s_retry), logger: NullLogger<TicketOutbox>.Instance);

    [Fact]
    public async Task Local_ServiceNow_stand_in_gets_one_ticket_created_updated_resolved_and_closed()
    {
        var outbox = Outbox();
        var events = Incident.Lifecycle("INC-101").ToList();

        await outbox.EnqueueAsync(events[0]);
        var created = await outbox.DeliverPendingAsync();
        var ticket = Assert.Single(created.Delivered).Ticket;
        Assert.Equal(("servicenow", "INC0010001"), (ticket.System, ticket.Key));
        var incident = Assert.Single(_serviceNow.Incidents);
        Assert.Equal(new Uri(_serviceNow.Server.BaseUrl, $"nav_to.do?uri=incident.do%3Fsys_id%3D{incident["sys_id"]}"), ticket.Url);
        Assert.Equal("INC-101", incident["correlation_id"]!.GetValue<string>());
        Assert.Equal(("1", "2", "1"), (incident["urgency"]!.GetValue<string>(), incident["impact"]!.GetValue<string>(), incident["state"]!.GetValue<string>()));
        Assert.Equal(ticket, await outbox.TicketAsync("INC-101"));

        foreach (var next in events.Skip(1))
        {
            await outbox.EnqueueAsync(next);
            Assert.Single((await outbox.DeliverPendingAsync()).Delivered);
        }

        incident = Assert.Single(_serviceNow.Incidents);
        Assert.Equal("7", incident["state"]!.GetValue<string>());
        Assert.Equal("Solved (Permanently)", incident["close_code"]!.GetValue<string>());
        Assert.Single(_serviceNow.Server.Requests, r => r.StartsWith("POST ", StringComparison.Ordinal));
        Assert.Equal(3, _serviceNow.Server.Requests.Count(r => r.StartsWith("PATCH ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Delivery_survives_a_server_that_fails_the_first_attempts()
    {
        var outbox = Outbox();
        _serviceNow.Server.Faults.Enqueue(Fault.Error(503));
        _serviceNow.Server.Faults.Enqueue(Fault.Error(500));
        _serviceNow.Server.Faults.Enqueue(Fault.Hang(TimeSpan.FromSeconds(8)));
        _serviceNow.Server.Faults.Enqueue(Fault.Error(429));

        await outbox.EnqueueAsync(Incident.Event("INC-102", TicketEventKind.Created));
        var report = await outbox.DeliverPendingAsync();

        Assert.Single(report.Delivered);
        Assert.Empty(report.Failed);
        Assert.Single(_serviceNow.Incidents);
        Assert.Contains(_serviceNow.Server.Requests, r => r.EndsWith("no answer (fault)", StringComparison.Ordinal));
        Assert.Equal(4, _serviceNow.Server.Requests.Count(r => r.Contains("(fault", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_create_whose_answer_is_lost_is_found_by_correlation_id_not_made_twice()
    {
        var outbox = Outbox();
        await outbox.EnqueueAsync(Incident.Event("INC-103", TicketEventKind.Created));

        // The create is done by the server, but its answer is lost (500).
        _serviceNow.Server.Faults.Enqueue(Fault.LostAnswer("POST"));
        var report = await outbox.DeliverPendingAsync();

        Assert.True(report.Delivered.Length == 1, string.Join('\n', _serviceNow.Server.Requests));
        Assert.True(_serviceNow.Server.Requests.Count(r => r.StartsWith("POST ", StringComparison.Ordinal)) == 1, string.Join('\n', _serviceNow.Server.Requests));
        Assert.True(_serviceNow.Server.Requests.Any(r => r.StartsWith("POST ", StringComparison.Ordinal) && r.Contains("after processing", StringComparison.Ordinal)), string.Join('\n', _serviceNow.Server.Requests));
        var incident = Assert.Single(_serviceNow.Incidents);
        Assert.Equal("INC-103", incident["correlation_id"]!.GetValue<string>());
        Assert.Equal(incident["number"]!.GetValue<string>(), (await outbox.TicketAsync("INC-103"))!.Key);
    }

    [Fact]
    public async Task Events_that_fail_every_retry_wait_for_the_next_pass_and_keep_their_order()
    {
        var outbox = Outbox();
        for (var i = 0; i <= s_retry.MaxRetries; i++)
        {
            _serviceNow.Server.Faults.Enqueue(Fault.Error(503));
        }

        await outbox.EnqueueAsync(Incident.Event("INC-104", TicketEventKind.Created));
        await outbox.EnqueueAsync(Incident.Event("INC-104", TicketEventKind.Enriched, "evidence", 1));
        await outbox.EnqueueAsync(Incident.Event("INC-105", TicketEventKind.Created));

        var first = await outbox.DeliverPendingAsync();
        Assert.Equal("INC-104:created:0", Assert.Single(first.Failed).EventId);
        Assert.Equal<string>(["INC-104:enriched:1"], first.Deferred);
        Assert.Equal("INC-105:created:0", Assert.Single(first.Delivered).EventId);

        var second = await outbox.DeliverPendingAsync();
        Assert.Equal<string>(["INC-104:created:0", "INC-104:enriched:1"], second.Delivered.Select(d => d.EventId));
        Assert.Equal(2, _serviceNow.Incidents.Count);
        Assert.Empty((await outbox.DeliverPendingAsync()).Delivered);
    }

    [Fact]
    public async Task A_refused_event_is_rejected_at_once_and_not_retried()
    {
        var store = new InMemoryTicketOutboxStore();
        var outbox = Outbox(store, password: "wrong");

        await outbox.EnqueueAsync(Incident.Event("INC-106", TicketEventKind.Created));
        var report = await outbox.DeliverPendingAsync();

        var (_, error) = Assert.Single(report.Failed);
        Assert.Contains("answered 401 Unauthorized", error, StringComparison.Ordinal);
        Assert.Contains("User Not Authenticated", error, StringComparison.Ordinal);
        var entry = Assert.Single(await store.EntriesAsync("INC-106"));
        Assert.Equal((OutboxEntryState.Rejected, 1), (entry.State, entry.Attempts));
        Assert.Single(_serviceNow.Server.Requests);
        Assert.Empty(await store.PendingAsync(10));
    }

    [Fact]
    public async Task Enqueuing_is_idempotent_and_invalid_events_are_refused_naming_the_field()
    {
        var store = new InMemoryTicketOutboxStore();
        var outbox = Outbox(store);

        Assert.True(await outbox.EnqueueAsync(Incident.Event("INC-107", TicketEventKind.Created)));
        Assert.False(await outbox.EnqueueAsync(Incident.Event("INC-107", TicketEventKind.Created)));
        Assert.Single(await store.PendingAsync(10));

        var bad = Incident.Event("INC 107^active=true", TicketEventKind.Created) with { Title = " " };
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => outbox.EnqueueAsync(bad));
        Assert.Contains("correlationId: 'INC 107^active=true' must be", refused.Message, StringComparison.Ordinal);
        Assert.Contains("title: is required", refused.Message, StringComparison.Ordinal);
    }
}
