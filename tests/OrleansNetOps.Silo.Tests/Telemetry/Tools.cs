using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansNetOps.Silo.Tests.Infrastructure;

namespace OrleansNetOps.Silo.Tests.Telemetry;

/// <summary>Runs real senders (logger, snmptrap, softflowd) and polls the API until what they sent shows up.</summary>
internal static class Tools
{
    public static string Require(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Concat(["/usr/sbin", "/usr/bin"]))
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        Assert.Fail($"'{name}' is not installed; this test needs the real program.");
        return string.Empty;
    }

    public static void Run(string program, IEnumerable<string> arguments, string? stdin = null, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(Require(program))
        {
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["TZ"] = "UTC";
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }

        using var process = Process.Start(info)!;
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }

        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} did not finish in time");
        }

        Assert.True(process.ExitCode == 0, $"{program} exited with {process.ExitCode}: {stderr.Result}");
    }

    /// <summary>GETs until the JSON answer satisfies <paramref name="done"/> (or 15 s pass), returning the last answer.</summary>
    public static async Task<JsonElement> PollAsync(TestSilo silo, string path, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var json = await silo.Client.GetFromJsonAsync<JsonElement>(path);
            if (done(json) || DateTime.UtcNow > deadline)
            {
                return json;
            }

            await Task.Delay(100);
        }
    }

    public static int Port(TestSilo silo, string collector)
    {
        var json = silo.Client.GetFromJsonAsync<JsonElement>("/api/v1/collectors").GetAwaiter().GetResult();
        return json.EnumerateArray().Single(c => c.GetProperty("name").GetString() == collector).GetProperty("port").GetInt32();
    }
}
