using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace OrleansNetOps.Silo.Tests.FrrSyslog;

/// <summary>
/// Two real FRR bgpd (AS 64500 and AS 64501), each in a network namespace of its own, joined by a veth over
/// 198.51.100.0/24. Router A (<see cref="HostnameA"/>) logs to a file and, through two <c>log extended-syslog</c>
/// targets, to a Unix datagram socket in RFC 5424 (local3) and RFC 3164 (local4). Disposing stops both daemons and
/// deletes the namespaces and the state directory, whatever state the test left them in.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class FrrPair : IAsyncDisposable
{
    public const string HostnameA = "fs-r1";
    public const string HostnameB = "fs-r2";
    public const string AddressA = "198.51.100.1";
    public const string AddressB = "198.51.100.2";

    private const string Bgpd = "/usr/lib/frr/bgpd";
    private readonly string _prefix;
    private readonly List<string> _namespaces = [];

    private FrrPair(string directory, string prefix)
    {
        Directory = directory;
        _prefix = prefix;
    }

    /// <summary>State directory: configurations, pid files, vty sockets, router A's log file.</summary>
    public string Directory { get; }

    /// <summary>Router A's own log file (FRR's <c>log file</c>), for cross-checking what reached the service.</summary>
    public string LogFileA => Path.Combine(Directory, "a", "bgpd.log");

    /// <summary>Router A's bgpd process id, as its pid file gives it.</summary>
    public int PidA => int.Parse(File.ReadAllText(Path.Combine(Directory, "a", "bgpd.pid")).Trim(), CultureInfo.InvariantCulture);

    /// <summary>
    /// Builds the namespaces and starts both daemons. The syslog socket must already be bound: FRR connects to
    /// it when it reads its configuration.
    /// </summary>
    public static async Task<FrrPair> StartAsync(string syslogSocket)
    {
        if (!File.Exists(Bgpd) || Environment.UserName != "root")
        {
            Assert.Fail("This test needs root and FRR's bgpd (Debian package 'frr').");
        }

        // The process id keeps namespace names apart from other test runs and labs on the same machine.
        var prefix = $"netops-fs{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-";
        var directory = System.IO.Directory.CreateTempSubdirectory("netops-frrsyslog-").FullName;
        var pair = new FrrPair(directory, prefix);
        try
        {
            await pair.BuildAsync(syslogSocket);
            return pair;
        }
        catch
        {
            await pair.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs vtysh against router A with the commands in order (one configuration context).</summary>
    public Task<string> VtyshAAsync(params string[] commands) =>
        RunAsync("vtysh", ["--vty_socket", Path.Combine(Directory, "a", "vty"), .. commands.SelectMany(c => new[] { "-c", c })]);

    /// <summary>Waits until router A's session to router B is Established.</summary>
    public async Task WaitEstablishedAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var json = await VtyshAAsync($"show bgp neighbors {AddressB} json");
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.TryGetProperty(AddressB, out var peer) && peer.GetProperty("bgpState").GetString() == "Established")
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The FRR session {AddressA} - {AddressB} did not come up in {timeout}: {json}");
            }

            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // SIGTERM by pid file; bgpd needs about two seconds to go.
        var pids = new List<int>();
        foreach (var side in new[] { "a", "b" })
        {
            var pidFile = Path.Combine(Directory, side, "bgpd.pid");
            if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                pids.Add(pid);
            }
        }

        var processes = pids.Select(TryGetProcess).OfType<Process>().Where(IsBgpd).ToList();
        foreach (var process in processes)
        {
            process.Kill(entireProcessTree: false);
        }

        foreach (var process in processes)
        {
            using (process)
            {
                await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
            }
        }

        foreach (var name in _namespaces)
        {
            // Deleting a namespace also removes the veth end inside it, and with it the other end.
            await RunAsync("ip", ["netns", "del", name], check: false);
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static Process? TryGetProcess(int pid)
    {
        try
        {
            return Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    // A stale pid file could name an unrelated process by now; only a bgpd is ours to stop.
    private static bool IsBgpd(Process process)
    {
        try
        {
            return process.ProcessName == "bgpd";
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private async Task BuildAsync(string syslogSocket)
    {
        var a = _prefix + "a";
        var b = _prefix + "b";
        foreach (var name in new[] { a, b })
        {
            await RunAsync("ip", ["netns", "add", name]);
            _namespaces.Add(name);
            await RunAsync("ip", ["-n", name, "link", "set", "lo", "up"]);
        }

        await RunAsync("ip", ["link", "add", "fs0", "netns", a, "type", "veth", "peer", "name", "fs1", "netns", b]);
        await RunAsync("ip", ["-n", a, "addr", "add", AddressA + "/24", "dev", "fs0"]);
        await RunAsync("ip", ["-n", b, "addr", "add", AddressB + "/24", "dev", "fs1"]);
        await RunAsync("ip", ["-n", a, "link", "set", "fs0", "up"]);
        await RunAsync("ip", ["-n", b, "link", "set", "fs1", "up"]);

        var dirA = Path.Combine(Directory, "a");
        var dirB = Path.Combine(Directory, "b");
        System.IO.Directory.CreateDirectory(Path.Combine(dirA, "vty"));
        System.IO.Directory.CreateDirectory(Path.Combine(dirB, "vty"));
        // vtysh 8.4 does not know 'log extended-syslog' (only the daemons' library does), so the targets can only
        // come from bgpd's own configuration file. Two targets on one socket: every line arrives once per format.
        await File.WriteAllTextAsync(Path.Combine(dirA, "bgpd.conf"), $"""
            hostname {HostnameA}
            log file {LogFileA} informational
            log extended-syslog svc5424
             destination unix {syslogSocket} format rfc5424
             facility local3
             priority informational
            !
            log extended-syslog svc3164
             destination unix {syslogSocket} format rfc3164
             facility local4
             priority informational
            !
            {Router(64500, AddressA, 64501, AddressB)}
            """);
        await File.WriteAllTextAsync(Path.Combine(dirB, "bgpd.conf"), $"""
            hostname {HostnameB}
            {Router(64501, AddressB, 64500, AddressA)}
            """);
        // bgpd drops to user 'frr' and must still reach its files; the temp directory is private to root otherwise.
        await RunAsync("chown", ["-R", "frr:frr", Directory]);
        File.SetUnixFileMode(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        foreach (var (name, dir) in new[] { (a, dirA), (b, dirB) })
        {
            await RunAsync("ip", ["netns", "exec", name, Bgpd, "-d", "-f", Path.Combine(dir, "bgpd.conf"), "-i", Path.Combine(dir, "bgpd.pid"),
                "-z", Path.Combine(dir, "zserv.api"), "--vty_socket", Path.Combine(dir, "vty"), "-Z", "-P", "0"]);
        }

        // -d returns before the pid file is written.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!File.Exists(Path.Combine(dirA, "bgpd.pid")) || !File.Exists(Path.Combine(dirB, "bgpd.pid")))
        {
            Assert.True(DateTime.UtcNow < deadline, "bgpd did not write its pid file");
            await Task.Delay(100);
        }
    }

    // Short timers so the session comes up (and back) in a second or two; log-neighbor-changes produces %ADJCHANGE.
    private static string Router(int asn, string self, int peerAsn, string peer) => $"""
        router bgp {asn}
         bgp router-id {self}
         bgp log-neighbor-changes
         no bgp ebgp-requires-policy
         neighbor {peer} remote-as {peerAsn}
         neighbor {peer} timers 3 9
         neighbor {peer} timers connect 1
        !
        """;

    private static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, bool check = true)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // bgpd stamps its log file (and RFC 3164 lines) in local time; UTC makes them comparable with the API's times.
        info.Environment["TZ"] = "UTC";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        if (check && process.ExitCode != 0)
        {
            Assert.Fail($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await stderr}{await stdout}");
        }

        return await stdout;
    }
}
