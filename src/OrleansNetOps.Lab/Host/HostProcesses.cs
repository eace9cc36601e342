namespace OrleansNetOps.Lab.Host;

/// <summary>Process facts and signals from the kernel, for starting daemons and stopping exactly the ones a lab owns.</summary>
public static class HostProcesses
{
    /// <summary>Whether this process runs as root (namespaces, veths and bgpd need it).</summary>
    public static bool IsRoot => OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess;

    /// <summary>Whether a process exists and is not a zombie.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            // A zombie has exited; only its parent can reap it, so it counts as gone.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..];
            return state.Length > 0 && state[0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// Stops processes: SIGTERM, then SIGKILL to whatever is left after <paramref name="grace"/>
    /// (bgpd needs about 2 s to shut down cleanly).
    /// </summary>
    public static async Task StopAsync(IReadOnlyCollection<int> pids, TimeSpan grace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pids);
        await SignalAsync("TERM", pids, cancellationToken).ConfigureAwait(false);

        var deadline = DateTime.UtcNow + grace;
        while (pids.Any(IsAlive) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        await SignalAsync("KILL", [.. pids.Where(IsAlive)], cancellationToken).ConfigureAwait(false);

        var killDeadline = DateTime.UtcNow + TimeSpan.FromSeconds(2);
        while (pids.Any(IsAlive) && DateTime.UtcNow < killDeadline)
        {
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Starts a long-lived process in its own session, detached from ours, and records its pid in <paramref name="pidFile"/>.</summary>
    public static async Task StartDetachedAsync(string pidFile, string logFile, IReadOnlyList<string> command, CancellationToken cancellationToken = default)
    {
        // sh only backgrounds; the command goes through "$@" so nothing is re-parsed. setsid keeps the CLI's Ctrl-C
        // away from the relay; "ip netns exec" and setsid exec in place, so $! is the relay's own pid.
        var output = await HostCommand.RunCheckedAsync("sh", ["-c", $"setsid \"$@\" </dev/null >>'{logFile}' 2>&1 & echo $!", "relay", .. command], cancellationToken: cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(pidFile, output.Trim(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits up to 10 s for something a daemon creates (a socket, a pid file).</summary>
    /// <exception cref="InvalidOperationException">It did not appear in time; the message names <paramref name="what"/>.</exception>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{what} did not come up within 10 s");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Processes whose command line contains <paramref name="needle"/> as one whole argument.</summary>
    public static IReadOnlyList<int> WithArgumentContaining(string needle)
    {
        var result = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var arguments = File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0');
                if (arguments.Any(a => a.Contains(needle, StringComparison.Ordinal)))
                {
                    result.Add(pid);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The process exited while we looked.
            }
        }

        return result;
    }

    // kill(1) rather than P/Invoke: it keeps the project free of unsafe code; a pid that already exited is not an error here.
    private static async Task SignalAsync(string signal, IReadOnlyCollection<int> pids, CancellationToken cancellationToken)
    {
        if (pids.Count > 0)
        {
            _ = await HostCommand.RunAsync("kill", ["-s", signal, .. pids.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture))], cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
