namespace OrleansNetOps.Runtime;

internal static class AssemblyMarker
{
}
