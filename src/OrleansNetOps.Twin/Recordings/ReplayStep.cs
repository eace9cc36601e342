using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Twin.Recordings;

/// <summary>One event of a recording replayed in the twin.</summary>
/// <param name="Event">The recorded event.</param>
/// <param name="Result">Its what-if on the state the events before it left; <see cref="WhatIfResult.After"/> is the state after it.</param>
/// <param name="Disagreements">Where the twin's best paths differ from what was observed after it (empty when nothing was observed).</param>
public sealed record ReplayStep(RecordedEvent Event, WhatIfResult Result, IReadOnlyList<string> Disagreements);
