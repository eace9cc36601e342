namespace OrleansNetOps.Runtime.Postgres.Tests;

internal static class AssemblyMarker
{
}
