using OrleansNetOps.Runtime;
using RuntimeSilo = OrleansNetOps.Runtime.Silo;

namespace OrleansNetOps.Silo.Api;

/// <summary>Samples the runtime's counters and derives the call rate from the previous sample.</summary>
internal sealed class RuntimeRateSampler(RuntimeSilo silo)
{
    private readonly Lock _gate = new();
    private RuntimeMetricsSnapshot? _previous;

    public RuntimeStatusResponse Sample()
    {
        var current = silo.GetMetrics();
        RuntimeMetricsSnapshot? previous;
        lock (_gate)
        {
            previous = _previous;
            if (previous is null || current.At >= previous.At)
            {
                _previous = current;
            }
        }

        var window = previous is null ? (TimeSpan?)null : current.At - previous.At;
        double? rate = window is { } w && w > TimeSpan.Zero
            ? (current.CallsStarted - previous!.CallsStarted) / w.TotalSeconds
            : null;
        return new RuntimeStatusResponse(silo.IsRunning, current, rate, window?.TotalSeconds);
    }
}
