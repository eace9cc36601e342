using System.Globalization;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Configuration;
using OrleansNetOps.Lab.Frr;
using OrleansNetOps.Lab.Host;
using OrleansNetOps.Lab.Scenarios;
using OrleansNetOps.Topology;
using OrleansNetOps.Twin.Recordings;

namespace OrleansNetOps.Lab;

/// <summary>The <c>OrleansNetOps.Lab</c> command line: up, down, status, change, vtysh.</summary>
internal static class LabCommandLine
{
    private const string Usage = """
        usage: OrleansNetOps.Lab <command> [options]   (needs root)
          up      [--topology silo-config/topology.yaml] [--bmp-port 11019] [--name seed] [--timeout 60]
                  build the lab, start bgpd everywhere, wait until converged
          down    [--name seed]                 stop everything of the lab (also one left by a crashed run)
          status  [--name seed]                 sessions per router
          vtysh   <node> <command...> [--name seed]
          change  <kind> ... [--name seed]      play a scenario:
            shutdown <router> <neighbor>        admin-shut the session (Cease, down at once)
            no-shutdown <router> <neighbor>
            link-down <a> <b>                   veths down: a fibre cut, the session dies at hold time (9 s)
            link-up <a> <b>
            policy <router> <neighbor> in|out <action...>|clear
                   actions: local-pref=N med=N prepend=ASNxCOUNT community=A:B deny=PREFIX
            advertise <node> <prefix> [as-path=A,B,...] [med=N]   (as-path/med for ISPs)
            withdraw <node> <prefix>
          play    <recording.json> [--record out.json] [--name seed]
                  play a recorded scenario (silo-config/recordings/*.json): each event at its time; --record also
                  writes the recording with what every router and ISP shows once the network settled after each event
        options: --state-root /run/netops-lab
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                options[args[i][2..]] = args[++i];
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        if (positional.Count == 0 || positional[0] is "help" or "-h")
        {
            await output.WriteLineAsync(Usage).ConfigureAwait(false);
            return positional.Count == 0 ? 2 : 0;
        }

        if (!HostProcesses.IsRoot)
        {
            await error.WriteLineAsync("OrleansNetOps.Lab must run as root: it creates network namespaces and veth pairs and starts bgpd. Try: sudo -E dotnet run --project src/OrleansNetOps.Lab -- " + string.Join(' ', args)).ConfigureAwait(false);
            return 77;
        }

        var lab = new LabOptions(
            options.GetValueOrDefault("name", "seed"),
            int.Parse(options.GetValueOrDefault("bmp-port", LabOptions.DefaultBmpPort.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
            options.GetValueOrDefault("state-root", LabOptions.DefaultStateRoot));
        try
        {
            switch (positional[0])
            {
                case "up":
                    return await UpAsync(lab, options.GetValueOrDefault("topology", "silo-config/topology.yaml"),
                        double.Parse(options.GetValueOrDefault("timeout", "60"), CultureInfo.InvariantCulture), output).ConfigureAwait(false);
                case "down":
                    foreach (var line in await LabTeardown.RunAsync(lab).ConfigureAwait(false))
                    {
                        await output.WriteLineAsync(line).ConfigureAwait(false);
                    }

                    await output.WriteLineAsync($"lab '{lab.Name}' is down").ConfigureAwait(false);
                    return 0;
                case "status":
                    return await StatusAsync(FrrLab.Attach(lab), output).ConfigureAwait(false);
                case "vtysh" when positional.Count >= 3:
                    await output.WriteAsync(await FrrLab.Attach(lab).VtyshAsync(positional[1], string.Join(' ', positional.Skip(2))).ConfigureAwait(false)).ConfigureAwait(false);
                    return 0;
                case "play" when positional.Count >= 2:
                    return await PlayAsync(FrrLab.Attach(lab), positional[1], options.GetValueOrDefault("record"), output, error).ConfigureAwait(false);
                case "change" when positional.Count >= 2:
                    var change = ParseChange(positional.Skip(1).ToList());
                    await FrrLab.Attach(lab).ApplyAsync(change).ConfigureAwait(false);
                    await output.WriteLineAsync($"applied: {change.Describe()}").ConfigureAwait(false);
                    return 0;
                default:
                    await error.WriteLineAsync(Usage).ConfigureAwait(false);
                    return 2;
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or FormatException or NotSupportedException
            or LabNotConvergedException or ConfigException or TimeoutException)
        {
            await error.WriteLineAsync($"error: {exception.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task<int> UpAsync(LabOptions options, string topologyFile, double timeoutSeconds, TextWriter output)
    {
        var topology = TopologyLoader.LoadFile(topologyFile);
        var lab = new FrrLab(topology, options);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await lab.UpAsync(await File.ReadAllTextAsync(topologyFile).ConfigureAwait(false)).ConfigureAwait(false);
        var started = clock.Elapsed;
        await output.WriteLineAsync($"lab '{options.Name}': {lab.Layout.Nodes.Count} bgpd in namespaces {options.NamespacePrefix}*, {lab.Layout.Wires.Count} links, BMP -> 127.0.0.1:{options.BmpPort}; started in {started.TotalSeconds:0.0} s").ConfigureAwait(false);
        var converged = await lab.WaitUntilConvergedAsync(TimeSpan.FromSeconds(timeoutSeconds)).ConfigureAwait(false);
        await output.WriteLineAsync($"converged {converged.TotalSeconds:0.0} s after start ({clock.Elapsed.TotalSeconds:0.0} s in all)").ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> PlayAsync(FrrLab lab, string path, string? recordPath, TextWriter output, TextWriter error)
    {
        var recording = ScenarioRecording.Load(path, out var errors);
        if (recording is null)
        {
            foreach (var problem in errors)
            {
                await error.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
            }

            return 1;
        }

        var observed = new IReadOnlyList<ObservedRoute>?[recording.Events.Count];
        await new RecordingPlayer(lab).PlayAsync(recording, async (i, cancellationToken) =>
        {
            var recorded = recording.Events[i];
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{recorded.AtSeconds,7:0.#} s  {string.Join("; ", recorded.Changes.Select(c => c.Describe()))}")).ConfigureAwait(false);
            if (recordPath is not null)
            {
                observed[i] = await SettledAsync(lab, cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync($"          settled: {observed[i]!.Count} best paths").ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
        if (recordPath is not null)
        {
            var recorded = recording with { Events = [.. recording.Events.Select((e, i) => e with { Observed = observed[i] })] };
            await File.WriteAllTextAsync(recordPath, recorded.ToJson() + "\n").ConfigureAwait(false);
            await output.WriteLineAsync($"recorded {recordPath}").ConfigureAwait(false);
        }

        return 0;
    }

    // What the routers show once a change has run its course: not before a dead link's hold time (plus a margin) has
    // passed, then the same twice in a row two seconds apart.
    private static async Task<IReadOnlyList<ObservedRoute>> SettledAsync(FrrLab lab, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(BgpdConfigWriter.HoldTimeSeconds + 3), cancellationToken).ConfigureAwait(false);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var last = await lab.ObserveAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
            var now = await lab.ObserveAsync(cancellationToken).ConfigureAwait(false);
            if (Same(last, now))
            {
                return now;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new LabNotConvergedException($"lab '{lab.Options.Name}' did not settle within 60 s of an event");
            }

            last = now;
        }
    }

    private static bool Same(IReadOnlyList<ObservedRoute> a, IReadOnlyList<ObservedRoute> b) =>
        a.Select(r => $"{r.Node} {r.Prefix} {r}").Order(StringComparer.Ordinal).SequenceEqual(b.Select(r => $"{r.Node} {r.Prefix} {r}").Order(StringComparer.Ordinal));

    private static async Task<int> StatusAsync(FrrLab lab, TextWriter output)
    {
        foreach (var node in lab.Layout.Nodes)
        {
            await output.WriteLineAsync($"{node.Id} ({node.Hostname}, AS {node.Asn}, {node.Namespace})").ConfigureAwait(false);
            try
            {
                foreach (var session in await lab.SessionsAsync(node.Id).ConfigureAwait(false))
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"  {session.Neighbor ?? "?",-8} {session.NeighborAddress,-16} {session.State,-14} ipv4 {session.Ipv4PrefixesReceived?.ToString(CultureInfo.InvariantCulture) ?? "-"} ipv6 {session.Ipv6PrefixesReceived?.ToString(CultureInfo.InvariantCulture) ?? "-"}")).ConfigureAwait(false);
                }
            }
            catch (InvalidOperationException exception)
            {
                await output.WriteLineAsync($"  bgpd not answering: {exception.Message}").ConfigureAwait(false);
            }
        }

        return 0;
    }

    private static LabChange ParseChange(List<string> words)
    {
        string Word(int index, string what) => index < words.Count ? words[index] : throw new ArgumentException($"change {words[0]}: missing {what}");
        return words[0] switch
        {
            "shutdown" => new SetSessionEnabled(Word(1, "router"), Word(2, "neighbor"), Enabled: false),
            "no-shutdown" => new SetSessionEnabled(Word(1, "router"), Word(2, "neighbor"), Enabled: true),
            "link-down" => new SetLinkState(Word(1, "one end"), Word(2, "other end"), Up: false),
            "link-up" => new SetLinkState(Word(1, "one end"), Word(2, "other end"), Up: true),
            "policy" => new SetNeighborPolicy(Word(1, "router"), Word(2, "neighbor"),
                Word(3, "in|out") switch
                {
                    "in" => PolicyDirection.In,
                    "out" => PolicyDirection.Out,
                    var other => throw new ArgumentException($"'{other}' is neither in nor out"),
                },
                words.Count > 4 && words[4] == "clear" ? [] : [.. words.Skip(4).Select(PolicyAction.Parse)]),
            "advertise" => new AdvertisePrefix(Word(1, "node"), IpPrefix.Parse(Word(2, "prefix")),
                words.Skip(3).FirstOrDefault(w => w.StartsWith("as-path=", StringComparison.Ordinal)) is { } path
                    ? [.. path["as-path=".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(a => uint.Parse(a, CultureInfo.InvariantCulture))]
                    : null,
                words.Skip(3).FirstOrDefault(w => w.StartsWith("med=", StringComparison.Ordinal)) is { } med
                    ? uint.Parse(med["med=".Length..], CultureInfo.InvariantCulture)
                    : null),
            "withdraw" => new WithdrawPrefix(Word(1, "node"), IpPrefix.Parse(Word(2, "prefix"))),
            _ => throw new ArgumentException($"unknown change '{words[0]}'"),
        };
    }
}
