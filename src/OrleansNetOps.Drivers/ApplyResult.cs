using System.Collections.Immutable;

namespace OrleansNetOps.Drivers;

/// <summary>What was sent to a device and what it answered.</summary>
/// <param name="Target">The device.</param>
/// <param name="Sent">The commands sent, in order; empty when nothing was sent.</param>
/// <param name="Output">The device's answer.</param>
/// <param name="Touched">False when the device was not touched (dry run, or nothing to send).</param>
/// <param name="At">When the commands were sent.</param>
/// <param name="Duration">How long sending took.</param>
public sealed record ApplyResult(string Target, ImmutableArray<string> Sent, string Output, bool Touched, DateTimeOffset At, TimeSpan Duration);
