namespace OrleansNetOps.Runtime.Tests;

internal static class AssemblyMarker
{
}
