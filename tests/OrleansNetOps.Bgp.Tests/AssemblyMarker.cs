namespace OrleansNetOps.Bgp.Tests;

internal static class AssemblyMarker
{
}
