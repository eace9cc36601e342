using OrleansNetOps.Itsm.Outbox;
using OrleansNetOps.Itsm.Tickets;

namespace OrleansNetOps.Grains.Itsm;

/// <summary>
/// The configured ticketing systems and how hard delivery tries (from <c>silo.yaml</c>'s <c>itsm</c> section). Without
/// it in the container, the outbox grain ignores incidents.
/// </summary>
/// <param name="Systems">Ticketing systems, the primary first (its ticket is the incident's <c>ticket</c>).</param>
/// <param name="Retry">Retries and backoff within one delivery pass.</param>
/// <param name="Interval">Time between delivery passes while events are pending.</param>
public sealed record ItsmDelivery(IReadOnlyList<ITicketSystem> Systems, TicketRetryOptions Retry, TimeSpan Interval);
