namespace OrleansNetOps.TestSupport;

/// <summary>
/// Locates the project's shared real-world test data (<c>shared/data</c>), which lives beside the
/// repository clone rather than inside it because several of its licences forbid redistribution.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>Absolute path of the <c>shared/data</c> folder.</summary>
    public static string Directory => Root.Value;

    /// <summary>Absolute path of a file or folder under <c>shared/data</c>.</summary>
    /// <param name="parts">Path segments below <c>shared/data</c>, e.g. <c>"pmacct", "100-IPFIXv10-CISCO", "traffic-00.pcap"</c>.</param>
    /// <exception cref="DirectoryNotFoundException">No ancestor of the test assembly's folder holds <c>shared/data</c>.</exception>
    public static string Path(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var all = new string[parts.Length + 1];
        all[0] = Root.Value;
        parts.CopyTo(all, 1);
        return System.IO.Path.GetFullPath(System.IO.Path.Combine(all));
    }

    private static string FindRoot()
    {
        // Walk up from the test assembly rather than the working directory: test runners differ in
        // where they start, but the build output always sits somewhere under the clone.
        var start = AppContext.BaseDirectory;
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"Could not find a 'shared/data' folder in any ancestor of '{start}'. " +
            "The shared test data must be checked out beside the repository (the clone's parent folder holds 'shared/').");
    }
}
