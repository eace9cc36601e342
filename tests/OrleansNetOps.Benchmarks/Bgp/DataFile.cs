namespace OrleansNetOps.Benchmarks.Bgp;

/// <summary>Finds <c>shared/data</c> above the benchmark's working or binary directory.</summary>
internal static class DataFile
{
    public static string Path(params string[] parts)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = System.IO.Path.Combine(directory.FullName, "shared", "data");
                if (Directory.Exists(candidate))
                {
                    return System.IO.Path.Combine([candidate, .. parts]);
                }
            }
        }

        throw new DirectoryNotFoundException("shared/data not found");
    }
}
