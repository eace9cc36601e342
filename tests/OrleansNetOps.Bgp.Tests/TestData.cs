namespace OrleansNetOps.Bgp.Tests;

/// <summary>Finds the shared real-data folder: the repository's parent holds <c>shared/data</c>.</summary>
internal static class TestData
{
    private static readonly Lazy<string> RootPath = new(Locate);

    public static string Root => RootPath.Value;

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"no shared/data above {AppContext.BaseDirectory}");
    }
}
