using System.Diagnostics;

namespace OrleansNetOps.Telemetry.Tests.Support;

/// <summary>Runs a real third-party program; a missing program fails the test, naming the Debian package to install.</summary>
internal static class ExternalProgram
{
    public static string Require(string name, string debianPackage)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Concat(["/usr/sbin", "/sbin", "/usr/bin"]))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail($"'{name}' is not installed; this test needs the real program. Install the Debian package '{debianPackage}' (apt-get install {debianPackage}).");
        return string.Empty;
    }

    /// <summary>Runs to completion, optionally feeding stdin, and fails the test on a non-zero exit.</summary>
    public static string Run(string path, IEnumerable<string> arguments, string? stdin = null, TimeSpan? timeout = null, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(path)
        {
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {path}");
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"{Path.GetFileName(path)} {string.Join(' ', info.ArgumentList)} did not finish in time; stderr: {stderr.Result}; stdout: {stdout.Result}");
        }

        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(path)} {string.Join(' ', info.ArgumentList)} exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}
