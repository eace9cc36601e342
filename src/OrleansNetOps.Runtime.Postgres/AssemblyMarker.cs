namespace OrleansNetOps.Runtime.Postgres;

internal static class AssemblyMarker
{
}
