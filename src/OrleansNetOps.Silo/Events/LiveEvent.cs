using OrleansNetOps.Grains.Events;

namespace OrleansNetOps.Silo.Events;

/// <summary>An event as this silo's live feed numbered it.</summary>
/// <param name="Sequence">Its position in this silo's feed, from 1.</param>
/// <param name="Id">The SSE id: this feed's incarnation and the sequence, <c>{incarnation}-{sequence}</c>.</param>
/// <param name="Event">The event as grains published it.</param>
public sealed record LiveEvent(long Sequence, string Id, NetOpsEvent Event);
