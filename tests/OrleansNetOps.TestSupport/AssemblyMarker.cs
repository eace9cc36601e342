namespace OrleansNetOps.TestSupport;

internal static class AssemblyMarker
{
}
