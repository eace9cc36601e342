using System.Collections.Immutable;

namespace OrleansNetOps.Drivers;

/// <summary>The device re-read after a change: which expectations hold.</summary>
/// <param name="Target">The device.</param>
/// <param name="StateId">Content id of the state read (a <see cref="DeviceSnapshot.Id"/>).</param>
/// <param name="Held">Expectations that hold.</param>
/// <param name="Failed">Expectations that do not.</param>
/// <param name="At">When it was read.</param>
public sealed record ReadBack(string Target, string StateId, ImmutableArray<DeviceExpectation> Held, ImmutableArray<DeviceExpectation> Failed, DateTimeOffset At)
{
    /// <summary>True when every expectation holds.</summary>
    public bool Confirmed => Failed.IsEmpty;
}
