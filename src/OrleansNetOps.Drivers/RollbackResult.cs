using System.Collections.Immutable;

namespace OrleansNetOps.Drivers;

/// <summary>A snapshot restored, and whether the device now equals it.</summary>
/// <param name="Snapshot">The snapshot restored.</param>
/// <param name="Output">What the restore printed (for FRR, frr-reload.py's log of the commands it ran).</param>
/// <param name="StateId">Content id of the state read back afterwards.</param>
/// <param name="Differences">Lines that still differ (<c>- snapshot</c>, <c>+ device</c>); empty when restored exactly.</param>
/// <param name="At">When the restore finished.</param>
public sealed record RollbackResult(DeviceSnapshot Snapshot, string Output, string StateId, ImmutableArray<string> Differences, DateTimeOffset At)
{
    /// <summary>True when the device's state equals the snapshot again.</summary>
    public bool Restored => Differences.IsEmpty && StateId == Snapshot.Id;
}
