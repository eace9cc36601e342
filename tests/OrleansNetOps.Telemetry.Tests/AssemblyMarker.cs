namespace OrleansNetOps.Telemetry.Tests;

internal static class AssemblyMarker
{
}
