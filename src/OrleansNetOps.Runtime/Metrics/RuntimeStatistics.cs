using System.Diagnostics.Metrics;

namespace OrleansNetOps.Runtime;

/// <summary>Counters kept with interlocked increments on the hot path, published as a meter too.</summary>
internal sealed class RuntimeStatistics : IDisposable
{
    private readonly Meter _meter = new("OrleansNetOps.Runtime");
    private long _activationsCreated;
    private long _activationFailures;
    private long _deactivations;
    private long _callsStarted;
    private long _callsFailed;
    private long _callTimeouts;
    private long _streamPublished;
    private long _streamDelivered;
    private long _streamFailures;
    private long _streamDropped;
    private long _reminderTicks;

    public RuntimeStatistics(Func<int> activations)
    {
        _meter.CreateObservableGauge("netops.runtime.activations", activations);
        _meter.CreateObservableCounter("netops.runtime.calls", () => Volatile.Read(ref _callsStarted));
        _meter.CreateObservableCounter("netops.runtime.call_timeouts", () => Volatile.Read(ref _callTimeouts));
        _meter.CreateObservableCounter("netops.runtime.stream_events", () => Volatile.Read(ref _streamPublished));
    }

    public void Activated() => Interlocked.Increment(ref _activationsCreated);

    public void ActivationFailed() => Interlocked.Increment(ref _activationFailures);

    public void Deactivated() => Interlocked.Increment(ref _deactivations);

    public void CallStarted() => Interlocked.Increment(ref _callsStarted);

    public void CallFailed() => Interlocked.Increment(ref _callsFailed);

    public void CallTimedOut() => Interlocked.Increment(ref _callTimeouts);

    public void StreamEventPublished() => Interlocked.Increment(ref _streamPublished);

    public void StreamEventDelivered() => Interlocked.Increment(ref _streamDelivered);

    public void StreamDeliveryFailed() => Interlocked.Increment(ref _streamFailures);

    public void StreamEventDropped() => Interlocked.Increment(ref _streamDropped);

    public void ReminderTicked() => Interlocked.Increment(ref _reminderTicks);

    public RuntimeMetricsSnapshot Snapshot(DateTimeOffset at, IEnumerable<GrainActivation> activations)
    {
        int count = 0, queued = 0, running = 0, maxQueue = 0;
        foreach (var activation in activations)
        {
            count++;
            var waiting = activation.WaitingCount;
            queued += waiting;
            running += activation.RunningCount;
            maxQueue = Math.Max(maxQueue, waiting);
        }

        return new RuntimeMetricsSnapshot(at, count, Volatile.Read(ref _activationsCreated), Volatile.Read(ref _activationFailures),
            Volatile.Read(ref _deactivations), Volatile.Read(ref _callsStarted), Volatile.Read(ref _callsFailed),
            Volatile.Read(ref _callTimeouts), queued, running, maxQueue, Volatile.Read(ref _streamPublished),
            Volatile.Read(ref _streamDelivered), Volatile.Read(ref _streamFailures), Volatile.Read(ref _streamDropped),
            Volatile.Read(ref _reminderTicks));
    }

    public void Dispose() => _meter.Dispose();
}
