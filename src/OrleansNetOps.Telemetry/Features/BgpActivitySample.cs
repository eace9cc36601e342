namespace OrleansNetOps.Telemetry.Features;

/// <summary>What the router's BGP view looked like at one moment: routes held and BMP messages received so far.</summary>
/// <param name="At">When it was read.</param>
/// <param name="RoutesHeld">Routes in all its RIBs.</param>
/// <param name="Messages">BMP messages received since the router was first seen.</param>
public sealed record BgpActivitySample(DateTimeOffset At, long RoutesHeld, long Messages);
