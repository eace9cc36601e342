namespace OrleansNetOps.Benchmarks.Bgp;

/// <summary>Bytes a freshly loaded structure keeps alive: GC.GetTotalMemory(true) before and after loading it.</summary>
internal static class RetainedMemory
{
    public static long Of(Func<object> load)
    {
        var before = GC.GetTotalMemory(true);
        var table = load();
        var after = GC.GetTotalMemory(true);
        GC.KeepAlive(table);
        return after - before;
    }
}
