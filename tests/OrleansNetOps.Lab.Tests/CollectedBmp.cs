using OrleansNetOps.Bgp.Bmp;

namespace OrleansNetOps.Lab.Tests;

/// <summary>One BMP message as the test collector received it.</summary>
/// <param name="SysName">sysName from the connection's Initiation (null before it).</param>
/// <param name="Message">The decoded message.</param>
/// <param name="ReceivedAt">Arrival time (FRR's per-peer timestamps are unreliable).</param>
public sealed record CollectedBmp(string? SysName, BmpMessage Message, DateTime ReceivedAt);
