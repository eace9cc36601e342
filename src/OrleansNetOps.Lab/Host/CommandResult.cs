namespace OrleansNetOps.Lab.Host;

/// <summary>What a host command printed and how it exited.</summary>
/// <param name="ExitCode">Exit status.</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
public sealed record CommandResult(int ExitCode, string Output, string Error)
{
    /// <summary>Whether it exited with status 0.</summary>
    public bool Succeeded => ExitCode == 0;
}
