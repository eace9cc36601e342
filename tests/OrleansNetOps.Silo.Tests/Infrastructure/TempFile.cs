namespace OrleansNetOps.Silo.Tests.Infrastructure;

/// <summary>A configuration file in its own temporary directory, deleted on dispose.</summary>
public sealed class TempFile : IDisposable
{
    public TempFile(string contents, string name = "silo.yaml")
    {
        Directory = Path.Combine(Path.GetTempPath(), "netops-silo-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        FilePath = Path.Combine(Directory, name);
        File.WriteAllText(FilePath, contents);
    }

    public string Directory { get; }

    public string FilePath { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
