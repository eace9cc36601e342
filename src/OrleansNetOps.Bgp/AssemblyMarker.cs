namespace OrleansNetOps.Bgp;

internal static class AssemblyMarker
{
}
