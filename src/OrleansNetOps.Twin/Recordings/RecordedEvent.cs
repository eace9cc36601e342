using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Twin.Recordings;

/// <summary>One step of a recording: when it happened, what happened, and what the routers showed once it had settled.</summary>
/// <param name="AtSeconds">Seconds from the start of the recording.</param>
/// <param name="Changes">What happened, in the API's change form (one change listing several prefixes gives several).</param>
/// <param name="Observed">Every router's and ISP's best paths once the network had settled after it; null when not recorded.</param>
public sealed record RecordedEvent(double AtSeconds, IReadOnlyList<TwinChange> Changes, IReadOnlyList<ObservedRoute>? Observed = null);
