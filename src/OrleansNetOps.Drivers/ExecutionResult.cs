using System.Collections.Immutable;

namespace OrleansNetOps.Drivers;

/// <summary>The outcome of the idempotent execute path.</summary>
/// <param name="Change">The change as rendered against the baseline.</param>
/// <param name="Missing">Expectations that did not hold before sending (what was applied).</param>
/// <param name="Apply">What was sent; <see cref="ApplyResult.Touched"/> is false when nothing was missing.</param>
/// <param name="ReadBack">The device re-read afterwards.</param>
public sealed record ExecutionResult(DeviceChange Change, ImmutableArray<DeviceExpectation> Missing, ApplyResult Apply, ReadBack ReadBack)
{
    /// <summary>True when the device already had the change and nothing was sent.</summary>
    public bool WasAlreadyPresent => Missing.IsEmpty && !Change.Expectations.IsEmpty;
}
