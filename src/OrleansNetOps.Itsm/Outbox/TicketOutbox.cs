using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Timeout;
using OrleansNetOps.Itsm.Tickets;

namespace OrleansNetOps.Itsm.Outbox;

/// <summary>
/// The outbox of ticket events for one ticketing system. The incident enqueues events as it moves (in the same step
/// that persists its own state, so none is lost); delivery passes (a timer or reminder calls
/// <see cref="DeliverPendingAsync"/>) carry them over at least once, in order per incident, through the Polly
/// pipeline. The ticketing system deduplicates by correlation id, so a repeat never makes a second ticket.
/// </summary>
public sealed class TicketOutbox
{
    private readonly ITicketSystem _system;
    private readonly ITicketOutboxStore _store;
    private readonly ResiliencePipeline _pipeline;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the outbox.</summary>
    /// <param name="system">Where tickets live.</param>
    /// <param name="store">Where events wait.</param>
    /// <param name="pipeline">Retries and timeouts (<see cref="TicketDeliveryPipeline.Create"/>).</param>
    /// <param name="time">The clock for delivery records.</param>
    /// <param name="logger">Delivery log.</param>
    public TicketOutbox(ITicketSystem system, ITicketOutboxStore store, ResiliencePipeline pipeline, TimeProvider? time = null, ILogger<TicketOutbox>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(pipeline);
        _system = system;
        _store = store;
        _pipeline = pipeline;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The ticketing system's name.</summary>
    public string System => _system.Name;

    /// <summary>Adds an event (again: ignored).</summary>
    /// <exception cref="ArgumentException">The event is invalid; the message names each field.</exception>
    public async Task<bool> EnqueueAsync(TicketEvent ticketEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticketEvent);
        var errors = ticketEvent.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"ticket event '{ticketEvent.Id}': {string.Join("; ", errors)}", nameof(ticketEvent));
        }

        return await _store.AppendAsync(ticketEvent, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The incident's ticket (key and URL), once one of its events got through.</summary>
    public Task<TicketReference?> TicketAsync(string correlationId, CancellationToken cancellationToken = default) =>
        _store.TicketAsync(correlationId, cancellationToken);

    /// <summary>Tries every pending event once (with the pipeline's retries), oldest first.</summary>
    /// <param name="limit">At most this many events per pass.</param>
    /// <param name="cancellationToken">Stops the pass; an event in flight stays pending.</param>
    public async Task<DeliveryReport> DeliverPendingAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        var delivered = ImmutableArray.CreateBuilder<(string, TicketReference)>();
        var failed = ImmutableArray.CreateBuilder<(string, string)>();
        var deferred = ImmutableArray.CreateBuilder<string>();
        var stalled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in await _store.PendingAsync(limit, cancellationToken).ConfigureAwait(false))
        {
            var ticketEvent = entry.Event;
            if (stalled.Contains(ticketEvent.CorrelationId))
            {
                deferred.Add(ticketEvent.Id);
                continue;
            }

            var known = await _store.TicketAsync(ticketEvent.CorrelationId, cancellationToken).ConfigureAwait(false);
            try
            {
                var ticket = await _pipeline.ExecuteAsync(
                    async token => await _system.ApplyAsync(ticketEvent, known, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                await _store.MarkDeliveredAsync(ticketEvent.Id, ticket, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                delivered.Add((ticketEvent.Id, ticket));
                _logger.LogInformation("{Kind} of incident {Incident} delivered to {System} ticket {Key}", ticketEvent.Kind, ticketEvent.CorrelationId, _system.Name, ticket.Key);
            }
            catch (Exception failure) when (failure is TicketSystemException or TimeoutRejectedException or HttpRequestException)
            {
                var permanent = failure is TicketSystemException { IsTransient: false };
                var message = failure is TimeoutRejectedException ? $"{_system.Name}: no answer within the attempt timeout" : failure.Message;
                await _store.MarkFailedAsync(ticketEvent.Id, message, permanent, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                failed.Add((ticketEvent.Id, message));
                stalled.Add(ticketEvent.CorrelationId);
                _logger.LogWarning(failure, "{Kind} of incident {Incident} not delivered to {System} ({Outcome})", ticketEvent.Kind, ticketEvent.CorrelationId,
                    _system.Name, permanent ? "rejected" : "will retry");
            }
        }

        return new DeliveryReport(delivered.ToImmutable(), failed.ToImmutable(), deferred.ToImmutable());
    }
}
