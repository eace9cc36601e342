using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Silo.Tests.Infrastructure;
using OrleansNetOps.Silo.Tests.Telemetry;

namespace OrleansNetOps.Silo.Tests.FrrSyslog;

/// <summary>
/// FRR's own syslog, from a real bgpd to the real host over the Unix datagram listener, in both formats FRR
/// offers for it: every field must come out of <c>GET /api/v1/logs</c> as FRR wrote it, and every message must be
/// one FRR also wrote to its own log file. Needs root and FRR 8.4 (bgpd, vtysh).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class FrrSyslogTests
{
    [Fact]
    public async Task Bgpd_log_lines_arrive_over_the_unix_socket_in_rfc5424_and_rfc3164_with_every_field()
    {
        var socketDirectory = Directory.CreateTempSubdirectory("netops-syslogsock-").FullName;
        try
        {
            // bgpd runs as 'frr' and must be able to reach the socket through its directory.
            File.SetUnixFileMode(socketDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            var socket = Path.Combine(socketDirectory, "syslog.sock");
            await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig() with { Listeners = new ListenersConfig { SyslogUnixPath = socket } });
            var before = DateTimeOffset.UtcNow;
            await using var frr = await FrrPair.StartAsync(socket);
            await RunScenarioAsync(silo, frr);
            var after = DateTimeOffset.UtcNow;
            await AssertLogsAsync(silo, frr, socket, before, after);
        }
        finally
        {
            Directory.Delete(socketDirectory, recursive: true);
        }
    }

    /// <summary>Up, administrative shutdown, up again, hard reset, up again: each step is a %ADJCHANGE line.</summary>
    private static async Task RunScenarioAsync(TestSilo silo, FrrPair frr)
    {
        var timeout = TimeSpan.FromSeconds(30);
        await frr.WaitEstablishedAsync(timeout);
        await frr.VtyshAAsync("configure terminal", "router bgp 64500", $"neighbor {FrrPair.AddressB} shutdown");
        await WaitForAsync(silo, "Down Admin. shutdown", 2);
        await frr.VtyshAAsync("configure terminal", "router bgp 64500", $"no neighbor {FrrPair.AddressB} shutdown");
        await frr.WaitEstablishedAsync(timeout);
        await frr.VtyshAAsync("clear bgp *");
        await WaitForAsync(silo, "Down User reset", 2);
        await frr.WaitEstablishedAsync(timeout);
        // Up three times, each in both formats.
        await WaitForAsync(silo, "default Up", 6);
    }

    private static async Task AssertLogsAsync(TestSilo silo, FrrPair frr, string socket, DateTimeOffset before, DateTimeOffset after)
    {
        var pid = frr.PidA.ToString(CultureInfo.InvariantCulture);
        var all = (await silo.Client.GetFromJsonAsync<JsonElement>($"/api/v1/logs?router={FrrPair.HostnameA}&limit=10000")).EnumerateArray().ToList();
        var rfc5424 = all.Where(m => Text(m, "format") == "rfc5424").ToList();
        var rfc3164 = all.Where(m => Text(m, "format") == "rfc3164").ToList();
        Assert.Equal(all.Count, rfc5424.Count + rfc3164.Count);

        // Fields every message shares, whatever FRR logged.
        Assert.All(all, m =>
        {
            Assert.Equal(FrrPair.HostnameA, Text(m, "host"));
            Assert.Equal(FrrPair.HostnameA, Text(m, "router"));
            Assert.Equal("bgpd", Text(m, "appName"));
            Assert.Equal(pid, Text(m, "procId"));
            Assert.Equal("unix", Text(m, "transport"));
            Assert.Equal("unix:" + socket, Text(m, "source"));
            // FRR stamps the line when it is logged; the API shows that time, not the reception time.
            Assert.InRange(m.GetProperty("t").GetDateTimeOffset(), before.AddSeconds(-1), after.AddSeconds(1));
        });

        // RFC 5424: facility and priority as configured; MSGID is FRR's protocol name; the unique message id, the
        // thread id and (for errors) the error code travel as structured data, not in the text.
        Assert.All(rfc5424, m =>
        {
            Assert.Equal("local3", Text(m, "facility"));
            Assert.Contains(Text(m, "severity"), (string[])["informational", "notice", "warning", "error"]);
            Assert.Equal("BGP", Text(m, "msgId"));
            var element = Assert.Single(m.GetProperty("structuredData").EnumerateArray());
            Assert.Equal("location@50145", Text(element, "id"));
            var parameters = Parameters(element);
            Assert.Matches(UniqueId(), parameters["id"]);
            Assert.True(int.TryParse(parameters["tid"], CultureInfo.InvariantCulture, out _), parameters["tid"]);
            Assert.Subset(new HashSet<string>(["tid", "id", "ec"]), parameters.Keys.ToHashSet());
        });

        // RFC 3164: facility as configured, no MSGID, no structured data: the id and error code open the text.
        Assert.All(rfc3164, m =>
        {
            Assert.Equal("local4", Text(m, "facility"));
            Assert.Equal(JsonValueKind.Null, m.GetProperty("msgId").ValueKind);
            Assert.Empty(m.GetProperty("structuredData").EnumerateArray());
            Assert.Matches(@"^\[[0-9A-Z]{5}-[0-9A-Z]{5}\](\[EC \d+\])? ", Text(m, "message"));
        });

        // The %ADJCHANGE lines the scenario caused, with the neighbour's address and name, at informational.
        var adjChanges = rfc5424.Where(m => Text(m, "message").StartsWith("%ADJCHANGE: ", StringComparison.Ordinal)).ToList();
        var neighbour = $"%ADJCHANGE: neighbor {FrrPair.AddressB}({FrrPair.HostnameB}) in vrf default ";
        // At least: a reconnection race after the reset can add an extra Up/Down pair; it is still FRR's truth.
        Assert.True(adjChanges.Count(m => Text(m, "message") == neighbour + "Up") >= 3);
        Assert.Equal(1, adjChanges.Count(m => Text(m, "message") == neighbour + "Down Admin. shutdown"));
        Assert.Equal(1, adjChanges.Count(m => Text(m, "message") == neighbour + "Down User reset"));
        Assert.All(adjChanges, m => Assert.Equal("informational", Text(m, "severity")));
        // An %ADJCHANGE is logged by bgpd's main thread, whose thread id is the process id.
        Assert.All(adjChanges, m => Assert.Equal(pid, Parameters(Assert.Single(m.GetProperty("structuredData").EnumerateArray()))["tid"]));
        Assert.Contains(rfc5424, m => Text(m, "message") == $"%NOTIFICATION(Hard Reset): sent to neighbor {FrrPair.AddressB} 6/2 (Cease/Administrative Shutdown) 0 bytes ");

        // Each RFC 5424 message has its RFC 3164 twin (same severity, same second) and its line in FRR's own log
        // file, which shows the same id and error code in front of the same text.
        var file = await ReadLogFileAsync(frr.LogFileA, rfc5424.Count);
        // FRR's RFC 5424 timestamps carry microseconds (RFC 3164 and the file: whole seconds).
        Assert.Contains(rfc5424, m => m.GetProperty("t").GetDateTimeOffset().Ticks % TimeSpan.TicksPerSecond != 0);
        foreach (var m in rfc5424)
        {
            var parameters = Parameters(m.GetProperty("structuredData")[0]);
            var prefix = $"[{parameters["id"]}]" + (parameters.TryGetValue("ec", out var ec) ? $"[EC {ec}]" : string.Empty);
            var t = m.GetProperty("t").GetDateTimeOffset();
            var second = new DateTimeOffset(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            Assert.Contains(rfc3164, o => Text(o, "message") == $"{prefix} {Text(m, "message")}"
                && Text(o, "severity") == Text(m, "severity") && o.GetProperty("t").GetDateTimeOffset() == second);
            var line = $"{second.ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture)} BGP: {prefix} {Text(m, "message")}";
            Assert.True(file.Contains(line), $"FRR's log file has no line '{line}'");
        }

        // The collector counted them as one more source of the syslog listener, with nothing rejected.
        var syslog = (await silo.Client.GetFromJsonAsync<JsonElement>("/api/v1/collectors")).EnumerateArray().Single(c => Text(c, "name") == "syslog");
        Assert.Equal("udp+tcp+unix/syslog", Text(syslog, "protocol"));
        Assert.Empty(syslog.GetProperty("rejected").EnumerateObject());
        Assert.True(syslog.GetProperty("bySource").GetProperty("unix:" + socket).GetInt64() >= all.Count);
    }

    /// <summary>Reads FRR's log file until it has at least <paramref name="lines"/> lines (bgpd writes it as it logs).</summary>
    private static async Task<HashSet<string>> ReadLogFileAsync(string path, int lines)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            var text = await File.ReadAllLinesAsync(path);
            if (text.Length >= lines || DateTime.UtcNow > deadline)
            {
                return [.. text];
            }

            await Task.Delay(100);
        }
    }

    private static async Task WaitForAsync(TestSilo silo, string text, int count)
    {
        var found = await Tools.PollAsync(silo, $"/api/v1/logs?router={FrrPair.HostnameA}&q={Uri.EscapeDataString(text)}&limit=10000",
            j => j.GetArrayLength() >= count);
        Assert.True(found.GetArrayLength() >= count, $"expected {count} messages with '{text}', got {found.GetArrayLength()}");
    }

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString() ?? string.Empty;

    private static Dictionary<string, string> Parameters(JsonElement element) =>
        element.GetProperty("parameters").EnumerateArray().ToDictionary(p => Text(p, "name"), p => Text(p, "value"), StringComparer.Ordinal);

    [GeneratedRegex("^[0-9A-Z]{5}-[0-9A-Z]{5}$")]
    private static partial Regex UniqueId();
}
