namespace OrleansNetOps.Telemetry;

internal static class AssemblyMarker
{
}
