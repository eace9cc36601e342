using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;
using Orleans.Streams.Core;
using OrleansNetOps.Grains.Events;
using OrleansNetOps.Itsm.Incidents;
using OrleansNetOps.Itsm.Outbox;

namespace OrleansNetOps.Grains.Itsm;

/// <summary>
/// The outbox grain. Incident updates arrive on the live-feed stream; their ticket events are persisted with the
/// incident in one write before the stream item is acknowledged, then delivered by a timer through each system's
/// <see cref="TicketOutbox"/> (Polly retries with backoff). A reminder wakes the grain after a silo loss while events
/// wait, so nothing persisted is left undelivered. Delivery passes interleave with incoming updates (HTTP may take a
/// while; the feed must not wait for it); state writes are serialised by a gate.
/// </summary>
[ImplicitStreamSubscription(NetOpsStreams.EventsNamespace)]
public sealed class TicketOutboxGrain : Grain, ITicketOutboxGrain, IRemindable, IStreamSubscriptionObserver, IAsyncObserver<NetOpsEvent>
{
    private const string WakeReminder = "itsm-pending";
    private readonly IPersistentState<TicketOutboxState> _state;
    private readonly ItsmDelivery? _delivery;
    private readonly TimeProvider _time;
    private readonly ILogger<TicketOutboxGrain> _logger;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly List<TicketOutbox> _outboxes = [];
    private IGrainTimer? _timer;
    private bool _delivering;

    /// <summary>Creates the grain.</summary>
    public TicketOutboxGrain([PersistentState("ticketOutbox", "Default")] IPersistentState<TicketOutboxState> state, IServiceProvider services, TimeProvider time,
        ILogger<TicketOutboxGrain> logger)
    {
        ArgumentNullException.ThrowIfNull(services);
        _state = state;
        _delivery = services.GetService<ItsmDelivery>();
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (_delivery is not null)
        {
            var pipeline = TicketDeliveryPipeline.Create(_delivery.Retry, _time, _logger);
            _outboxes.AddRange(_delivery.Systems.Select(s => new TicketOutbox(s, new GrainTicketOutboxStore(s.Name, _state.State, PersistAsync), pipeline, _time)));
            if (HasPending())
            {
                StartDelivery();
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <inheritdoc />
    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);
        return handleFactory.Create<NetOpsEvent>().ResumeAsync(this);
    }

    /// <inheritdoc />
    public async Task OnNextAsync(NetOpsEvent item, StreamSequenceToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Kind != "incident" || _delivery is null)
        {
            return;
        }

        try
        {
            await ObserveIncidentAsync(item.Json, item.At);
        }
        catch (FormatException failure)
        {
            // One malformed incident must not stop the feed for the others; the message names the field.
            _logger.LogWarning("incident event {Id} on the live feed skipped: {Problem}", item.Id, failure.Message);
        }
    }

    /// <inheritdoc />
    public Task OnCompletedAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public Task OnErrorAsync(Exception ex)
    {
        _logger.LogWarning(ex, "the live-feed stream reported an error to the ITSM outbox");
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<int> ObserveIncidentAsync(string incidentJson, DateTimeOffset at)
    {
        var current = IncidentView.Parse(incidentJson);
        if (_delivery is null)
        {
            return 0;
        }

        var previous = _state.State.Incidents.TryGetValue(current.Id, out var seen) ? IncidentView.Parse(seen) : null;
        var enqueued = 0;
        foreach (var ticketEvent in IncidentTicketEvents.Next(previous, current, at))
        {
            foreach (var outbox in _outboxes)
            {
                enqueued += await outbox.EnqueueAsync(ticketEvent) ? 1 : 0;
            }
        }

        _state.State.Incidents[current.Id] = incidentJson;
        await PersistAsync();
        if (enqueued > 0)
        {
            await this.RegisterOrUpdateReminder(WakeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            StartDelivery();
        }

        return enqueued;
    }

    /// <inheritdoc />
    public async Task<IncidentTicket?> GetTicketAsync(string incidentId) => (await GetTicketsAsync(incidentId)).FirstOrDefault();

    /// <inheritdoc />
    public Task<IReadOnlyList<IncidentTicket>> GetTicketsAsync(string incidentId) =>
        Task.FromResult<IReadOnlyList<IncidentTicket>>([.. SystemOrder()
            .Select(s => _state.State.Tickets.GetValueOrDefault(s)?.GetValueOrDefault(incidentId))
            .OfType<OrleansNetOps.Itsm.Tickets.TicketReference>()
            .Select(t => new IncidentTicket(t.System, t.Key, t.Url))]);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<OutboxEntry>>> GetEntriesAsync(string incidentId) =>
        Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<OutboxEntry>>>(_state.State.Entries.ToDictionary(
            e => e.Key, e => (IReadOnlyList<OutboxEntry>)[.. e.Value.Where(x => x.Event.CorrelationId == incidentId)], StringComparer.Ordinal));

    /// <inheritdoc />
    public Task DeliverNowAsync() => DeliverAsync(CancellationToken.None);

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (HasPending())
        {
            StartDelivery();
        }
        else if (await this.GetReminder(WakeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private IEnumerable<string> SystemOrder() =>
        (_delivery?.Systems.Select(s => s.Name) ?? []).Concat(_state.State.Tickets.Keys.Order(StringComparer.Ordinal)).Distinct(StringComparer.Ordinal);

    private bool HasPending() => _state.State.Entries.Values.Any(entries => entries.Exists(e => e.State == OutboxEntryState.Pending));

    private void StartDelivery() =>
        _timer ??= this.RegisterGrainTimer(DeliverAsync, new GrainTimerCreationOptions(TimeSpan.Zero, _delivery!.Interval) { Interleave = true, KeepAlive = true });

    private async Task DeliverAsync(CancellationToken cancellationToken)
    {
        if (_delivering)
        {
            return;
        }

        _delivering = true;
        try
        {
            foreach (var outbox in _outboxes)
            {
                await outbox.DeliverPendingAsync(cancellationToken: cancellationToken);
            }
        }
        finally
        {
            _delivering = false;
        }

        if (!HasPending())
        {
            _timer?.Dispose();
            _timer = null;
            // An update may have interleaved while the reminder was looked up: keep it while anything waits.
            if (await this.GetReminder(WakeReminder) is { } reminder && !HasPending())
            {
                await this.UnregisterReminder(reminder);
            }
        }
    }

    private async Task PersistAsync()
    {
        await _writeGate.WaitAsync();
        try
        {
            await _state.WriteStateAsync();
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
