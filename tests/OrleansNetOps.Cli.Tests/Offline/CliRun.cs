using System.CommandLine;

namespace OrleansNetOps.Cli.Tests.Offline;

/// <summary>Runs <c>netops</c> in-process, as <c>Program.Main</c> would, with its output captured.</summary>
internal static class CliRun
{
    public static async Task<(int ExitCode, string Output, string Error)> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await Program.BuildRoot().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    public static string TempFile(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"netops-detect-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content);
        return path;
    }
}
