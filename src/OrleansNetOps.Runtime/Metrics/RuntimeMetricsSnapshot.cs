namespace OrleansNetOps.Runtime;

/// <summary>The runtime's counters at one instant. Rates come from the difference of two snapshots.</summary>
public sealed record RuntimeMetricsSnapshot(
    DateTimeOffset At,
    int Activations,
    long ActivationsCreated,
    long ActivationFailures,
    long Deactivations,
    long CallsStarted,
    long CallsFailed,
    long CallTimeouts,
    int QueuedRequests,
    int RunningRequests,
    int MaxQueueDepth,
    long StreamEventsPublished,
    long StreamEventsDelivered,
    long StreamDeliveryFailures,
    long StreamEventsDropped,
    long ReminderTicks);
