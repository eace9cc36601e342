namespace OrleansNetOps.Telemetry.Tests.Capture;

/// <summary>A file under the temp folder that is removed when disposed.</summary>
internal sealed class TempFile : IDisposable
{
    public TempFile(string extension, byte[]? contents = null)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"orleansnetops-{Guid.NewGuid():N}{extension}");
        if (contents is not null)
        {
            File.WriteAllBytes(Path, contents);
        }
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp file does not affect results.
        }
    }
}
