using OrleansNetOps.Twin.Engine;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Twin.Recordings;

/// <summary>
/// Replays a recording in the twin: each event is a what-if on the state the events before it left (network events and
/// actions alike), and where the recording holds what the routers showed, the twin's best paths are compared with it
/// (<see cref="BestPathComparison"/>).
/// </summary>
public static class RecordingReplay
{
    /// <summary>The steps, in order; an invalid event stops the replay with its errors in the last step's result.</summary>
    /// <exception cref="ArgumentException">The recording was made on another topology.</exception>
    public static IReadOnlyList<ReplayStep> Run(TwinState baseline, ScenarioRecording recording, WhatIfOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(recording);
        if (recording.Topology != baseline.Model.Topology.Name)
        {
            throw new ArgumentException($"recording '{recording.Name}' was made on topology '{recording.Topology}', not '{baseline.Model.Topology.Name}'", nameof(recording));
        }

        var steps = new List<ReplayStep>();
        var state = baseline;
        foreach (var recorded in recording.Events)
        {
            var result = WhatIfEngine.Run(state, new WhatIfRequest(recorded.Changes), options, cancellationToken);
            if (result.Invalid)
            {
                steps.Add(new ReplayStep(recorded, result, []));
                break;
            }

            state = result.After!;
            steps.Add(new ReplayStep(recorded, result, recorded.Observed is { } observed ? BestPathComparison.Compare(state, observed) : []));
        }

        return steps;
    }
}
