namespace OrleansNetOps.Governance.Tests;

/// <summary>Files of the repository the tests read.</summary>
internal static class Repository
{
    public static string SiloConfig(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "silo-config", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"silo-config/{name} not found above {AppContext.BaseDirectory}");
    }
}
