namespace OrleansNetOps.Silo.Tests.Infrastructure;

/// <summary>Finds files of the checkout from the test's output directory.</summary>
public static class RepositoryFiles
{
    public static string Root
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "OrleansNetOps.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("The repository root (OrleansNetOps.sln) was not found above " + AppContext.BaseDirectory);
        }
    }

    public static string SiloConfig(string name) => Path.Combine(Root, "silo-config", name);
}
