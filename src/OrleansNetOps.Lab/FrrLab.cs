using System.Diagnostics;
using System.Globalization;
using System.Net;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Lab.Frr;
using OrleansNetOps.Lab.Host;
using OrleansNetOps.Lab.Scenarios;
using OrleansNetOps.Topology;
using OrleansNetOps.Twin.Recordings;

namespace OrleansNetOps.Lab;

/// <summary>
/// A topology built from real FRR routers: a network namespace per router and ISP, a veth pair per link, one
/// bgpd per namespace (no zebra), and BMP from our routers to a collector on the root namespace's loopback.
/// BMP travels over Unix sockets (namespace relay, lab socket, root relay) so that the root namespace keeps
/// only loopback traffic and the lab's addresses exist only inside its namespaces.
/// </summary>
public sealed class FrrLab
{
    private const string Bgpd = "/usr/lib/frr/bgpd";
    private const string TopologyCopy = "topology.yaml";
    private const string BmpPortFile = "bmp-port";
    private static readonly TimeSpan s_vtyshTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Creates a lab (nothing runs until <see cref="UpAsync"/>).</summary>
    public FrrLab(NetworkTopology topology, LabOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Layout = new LabLayout(topology, options);
    }

    /// <summary>Namespaces, nodes and wires.</summary>
    public LabLayout Layout { get; }

    /// <summary>Name, BMP port and state directory.</summary>
    public LabOptions Options => Layout.Options;

    /// <summary>The topology file of a running lab (copied into its state directory by <see cref="UpAsync"/>).</summary>
    public static string TopologyFileOf(LabOptions options) => Path.Combine((options ?? throw new ArgumentNullException(nameof(options))).StateDirectory, TopologyCopy);

    /// <summary>Attaches to a lab started earlier (by another process), reading its topology and BMP port from its state directory.</summary>
    /// <exception cref="InvalidOperationException">No such lab is up.</exception>
    public static FrrLab Attach(LabOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var topologyFile = TopologyFileOf(options);
        if (!File.Exists(topologyFile))
        {
            throw new InvalidOperationException($"lab '{options.Name}' is not up (no {topologyFile})");
        }

        var ports = File.ReadAllText(Path.Combine(options.StateDirectory, BmpPortFile))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => int.Parse(p, CultureInfo.InvariantCulture))
            .ToList();
        return new FrrLab(TopologyLoader.LoadFile(topologyFile), options with { BmpPort = ports[0], MoreBmpPorts = ports[1..] });
    }

    /// <summary>
    /// Builds and starts the lab. A leftover lab of the same name is removed first; on failure everything
    /// started so far is torn down again.
    /// </summary>
    /// <param name="topologyYaml">The topology's YAML, kept in the state directory for later <see cref="Attach"/>.</param>
    /// <param name="cancellationToken">Cancels the bring-up (what was started is torn down).</param>
    public async Task UpAsync(string? topologyYaml = null, CancellationToken cancellationToken = default)
    {
        if (!HostProcesses.IsRoot)
        {
            throw new InvalidOperationException("the lab needs root: it creates network namespaces and veths and starts bgpd (run with sudo)");
        }

        await LabTeardown.RunAsync(Options, cancellationToken).ConfigureAwait(false);
        try
        {
            WriteState(topologyYaml);
            foreach (var node in Layout.Nodes)
            {
                await CreateNamespaceAsync(node, cancellationToken).ConfigureAwait(false);
            }

            foreach (var wire in Layout.Wires)
            {
                await CreateWireAsync(wire, cancellationToken).ConfigureAwait(false);
            }

            await StartRelaysAsync(cancellationToken).ConfigureAwait(false);
            foreach (var node in Layout.Nodes)
            {
                await StartBgpdAsync(node, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await LabTeardown.RunAsync(Options, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Tears the lab down (see <see cref="LabTeardown"/>).</summary>
    public Task<IReadOnlyList<string>> DownAsync(CancellationToken cancellationToken = default) => LabTeardown.RunAsync(Options, cancellationToken);

    /// <summary>
    /// Polls every bgpd until every session is Established in IPv4 and IPv6 unicast and, when
    /// <paramref name="requireRoutes"/>, every router holds every prefix the topology announces or originates
    /// and every ISP holds our originated prefixes.
    /// </summary>
    /// <returns>How long it took.</returns>
    /// <exception cref="LabNotConvergedException">Not converged within <paramref name="timeout"/>; lists what is missing.</exception>
    public async Task<TimeSpan> WaitUntilConvergedAsync(TimeSpan timeout, bool requireRoutes = true, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var problems = new List<string>();
        while (true)
        {
            problems.Clear();
            var sessions = await Task.WhenAll(Layout.Nodes.Select(n => SessionsAsync(n.Id, cancellationToken))).ConfigureAwait(false);
            foreach (var (node, reported) in Layout.Nodes.Zip(sessions))
            {
                foreach (var link in Layout.Topology.LinksOf(node.Id))
                {
                    var peer = link.Other(node.Id);
                    var address = link.AddressOf(peer).ToString();
                    var session = reported.FirstOrDefault(s => s.NeighborAddress == address);
                    if (session is not { IsEstablished: true, Ipv4PrefixesReceived: not null, Ipv6PrefixesReceived: not null })
                    {
                        problems.Add($"{node.Id} -> {peer} ({address}): {session?.State ?? "not configured"}");
                    }
                }
            }

            if (problems.Count == 0 && requireRoutes)
            {
                await AddMissingRoutesAsync(problems, cancellationToken).ConfigureAwait(false);
            }

            if (problems.Count == 0)
            {
                return clock.Elapsed;
            }

            if (clock.Elapsed > timeout)
            {
                throw new LabNotConvergedException(
                    $"lab '{Options.Name}' did not converge in {timeout.TotalSeconds:0} s:\n  " + string.Join("\n  ", problems));
            }

            await Task.Delay(500, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs vtysh commands on one node; several commands keep their context (e.g. <c>configure terminal</c>, <c>router bgp N</c>).</summary>
    /// <exception cref="InvalidOperationException">vtysh failed (unknown command, bgpd not running).</exception>
    public Task<string> VtyshAsync(string nodeId, IEnumerable<string> commands, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var node = Layout.Node(nodeId);
        var arguments = new List<string> { "--vty_socket", node.VtyDirectory };
        foreach (var command in commands)
        {
            arguments.Add("-c");
            arguments.Add(command);
        }

        return HostCommand.RunCheckedAsync("vtysh", arguments, s_vtyshTimeout, cancellationToken);
    }

    /// <summary>Runs one vtysh command on one node.</summary>
    public Task<string> VtyshAsync(string nodeId, string command, CancellationToken cancellationToken = default) =>
        VtyshAsync(nodeId, [command], cancellationToken);

    /// <summary><c>show bgp summary json</c>.</summary>
    public Task<string> SummaryJsonAsync(string nodeId, CancellationToken cancellationToken = default) =>
        VtyshAsync(nodeId, "show bgp summary json", cancellationToken);

    /// <summary><c>show bgp neighbors json</c>.</summary>
    public Task<string> NeighborsJsonAsync(string nodeId, CancellationToken cancellationToken = default) =>
        VtyshAsync(nodeId, "show bgp neighbors json", cancellationToken);

    /// <summary><c>show bgp ipv4 unicast json</c> or <c>show bgp ipv6 unicast json</c>.</summary>
    public Task<string> TableJsonAsync(string nodeId, bool ipv6, CancellationToken cancellationToken = default) =>
        VtyshAsync(nodeId, $"show bgp {(ipv6 ? "ipv6" : "ipv4")} unicast json", cancellationToken);

    /// <summary>
    /// <c>show bgp ipv4|ipv6 unicast PREFIX json</c>: every path with all attributes, including ORIGINATOR_ID
    /// (<c>originatorId</c>) and CLUSTER_LIST (<c>clusterList.list</c>) of reflected routes.
    /// </summary>
    public Task<string> RouteJsonAsync(string nodeId, IpPrefix prefix, CancellationToken cancellationToken = default) =>
        VtyshAsync(nodeId, $"show bgp {(prefix.IsIPv6 ? "ipv6" : "ipv4")} unicast {prefix} json", cancellationToken);

    /// <summary><c>show running-config</c>.</summary>
    public Task<string> RunningConfigAsync(string nodeId, CancellationToken cancellationToken = default) =>
        VtyshAsync(nodeId, "show running-config", cancellationToken);

    /// <summary>The node's sessions.</summary>
    public async Task<IReadOnlyList<LabSession>> SessionsAsync(string nodeId, CancellationToken cancellationToken = default)
    {
        var node = Layout.Node(nodeId);
        return FrrJson.Sessions(node.Id, await SummaryJsonAsync(node.Id, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The node's paths in one family.</summary>
    public async Task<IReadOnlyList<LabRoute>> RoutesAsync(string nodeId, bool ipv6, CancellationToken cancellationToken = default) =>
        FrrJson.Routes(await TableJsonAsync(nodeId, ipv6, cancellationToken).ConfigureAwait(false));

    /// <summary>The best path to a prefix on a node, or null.</summary>
    public async Task<LabRoute?> BestRouteAsync(string nodeId, IpPrefix prefix, CancellationToken cancellationToken = default) =>
        (await RoutesAsync(nodeId, prefix.IsIPv6, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(r => r.IsBest && r.Prefix == prefix.ToString());

    /// <summary>Every node's best paths (routers and ISPs, IPv4 and IPv6) in the form recordings keep.</summary>
    public async Task<IReadOnlyList<ObservedRoute>> ObserveAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<ObservedRoute>();
        foreach (var node in Layout.Nodes)
        {
            foreach (var ipv6 in new[] { false, true })
            {
                foreach (var route in (await RoutesAsync(node.Id, ipv6, cancellationToken).ConfigureAwait(false)).Where(r => r.IsBest))
                {
                    var asPath = route.AsPath.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                        .Select(a => uint.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var asn) ? asn : throw new FormatException($"{node.Id} {route.Prefix}: AS path '{route.AsPath}' is not a plain sequence"))
                        .ToList();
                    result.Add(new ObservedRoute(node.Id, route.Prefix, route.NextHop is null ? null : IPAddress.Parse(route.NextHop), asPath, route.LocalPreference, route.Med));
                }
            }
        }

        return result;
    }

    /// <summary>Plays a scenario change; see each <see cref="LabChange"/> for what it does on the routers.</summary>
    public Task ApplyAsync(LabChange change, CancellationToken cancellationToken = default) => change switch
    {
        SetSessionEnabled c => SetSessionEnabledAsync(c, cancellationToken),
        SetLinkState c => SetLinkStateAsync(c, cancellationToken),
        SetNeighborPolicy c => SetNeighborPolicyAsync(c, cancellationToken),
        AdvertisePrefix c => AdvertiseAsync(c, cancellationToken),
        WithdrawPrefix c => WithdrawAsync(c, cancellationToken),
        null => throw new ArgumentNullException(nameof(change)),
        _ => throw new NotSupportedException($"the lab cannot play {change.GetType().Name}"),
    };

    private async Task SetSessionEnabledAsync(SetSessionEnabled change, CancellationToken cancellationToken)
    {
        var node = Layout.Node(change.Router);
        var neighbor = Layout.NeighborAddress(node.Id, change.Neighbor);
        await VtyshAsync(node.Id, ["configure terminal", Invariant($"router bgp {node.Asn}"), $"{(change.Enabled ? "no " : string.Empty)}neighbor {neighbor} shutdown", "end"], cancellationToken).ConfigureAwait(false);
    }

    private async Task SetLinkStateAsync(SetLinkState change, CancellationToken cancellationToken)
    {
        var wire = Layout.Wire(change.A, change.B);
        foreach (var end in new[] { wire.Link.A, wire.Link.B })
        {
            await HostCommand.RunCheckedAsync("ip", ["-n", Layout.Node(end).Namespace, "link", "set", wire.InterfaceOf(end), change.Up ? "up" : "down"], cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SetNeighborPolicyAsync(SetNeighborPolicy change, CancellationToken cancellationToken)
    {
        var node = Layout.Node(change.Router);
        var wire = Layout.Wire(node.Id, change.Neighbor);
        var peer = wire.Link.Other(node.Id);
        if (!node.IsOurs && change.Direction == PolicyDirection.Out)
        {
            throw new NotSupportedException($"{node.Id} is an ISP: its outbound policy is its announcements (use advertise/withdraw)");
        }

        var running = await RunningConfigAsync(node.Id, cancellationToken).ConfigureAwait(false);
        var commands = new List<string> { "configure terminal", $"no route-map {RoutePolicyNames.RouteMap(peer, change.Direction)}" };
        foreach (var (keyword, ipv6) in new[] { ("ip", false), ("ipv6", true) })
        {
            var list = RoutePolicyNames.DeniedPrefixes(peer, change.Direction, ipv6);
            if (running.Contains($"{keyword} prefix-list {list} ", StringComparison.Ordinal))
            {
                commands.Add($"no {keyword} prefix-list {list}");
            }
        }

        var ownRoutesOnly = node.IsOurs && change.Direction == PolicyDirection.Out && wire.Link.Kind == SessionKind.Ebgp;
        commands.AddRange(RoutePolicyText.RouteMap(peer, change.Direction, ownRoutesOnly, change.Actions));
        commands.Add("end");
        await VtyshAsync(node.Id, commands, cancellationToken).ConfigureAwait(false);
    }

    private async Task AdvertiseAsync(AdvertisePrefix change, CancellationToken cancellationToken)
    {
        var node = Layout.Node(change.Node);
        var commands = new List<string> { "configure terminal" };
        if (!node.IsOurs)
        {
            // An ISP announces only what its outbound route-map matches, so the prefix needs an entry of its own.
            var running = await RunningConfigAsync(node.Id, cancellationToken).ConfigureAwait(false);
            var taken = running.Split('\n').Count(l => l.StartsWith($"route-map {RoutePolicyNames.IspAnnouncements} permit 5", StringComparison.Ordinal));
            commands.AddRange(RoutePolicyText.Announcement(RoutePolicyNames.ExtraAnnouncementBase + taken, change.Prefix, change.AsPath ?? [], change.Med, change.Communities));
        }
        else if (change.AsPath is { Count: > 0 } || change.Med is not null || change.Communities is { Count: > 0 })
        {
            throw new NotSupportedException("an AS path, MED or communities on an advertisement are only for ISPs; our routers originate with an empty path (use a policy)");
        }

        commands.AddRange([Invariant($"router bgp {node.Asn}"), $"address-family {(change.Prefix.IsIPv6 ? "ipv6" : "ipv4")} unicast", $"network {change.Prefix}", "end"]);
        await VtyshAsync(node.Id, commands, cancellationToken).ConfigureAwait(false);
    }

    private async Task WithdrawAsync(WithdrawPrefix change, CancellationToken cancellationToken)
    {
        var node = Layout.Node(change.Node);
        await VtyshAsync(node.Id, ["configure terminal", Invariant($"router bgp {node.Asn}"), $"address-family {(change.Prefix.IsIPv6 ? "ipv6" : "ipv4")} unicast", $"no network {change.Prefix}", "end"], cancellationToken).ConfigureAwait(false);
    }

    private async Task AddMissingRoutesAsync(List<string> problems, CancellationToken cancellationToken)
    {
        var topology = Layout.Topology;
        var originated = topology.Routers.SelectMany(r => r.Originates).ToHashSet();
        var announced = topology.Isps.SelectMany(i => i.Announcements.Select(a => a.Prefix)).ToHashSet();
        foreach (var node in Layout.Nodes)
        {
            var expected = node.IsOurs
                ? originated.Union(announced)
                : originated.Union(topology.Isp(node.Id)!.Announcements.Select(a => a.Prefix));
            var present = new HashSet<string>(StringComparer.Ordinal);
            foreach (var ipv6 in new[] { false, true })
            {
                present.UnionWith((await RoutesAsync(node.Id, ipv6, cancellationToken).ConfigureAwait(false)).Where(r => r.IsBest).Select(r => r.Prefix));
            }

            var missing = expected.Where(p => !present.Contains(p.ToString())).Order().ToList();
            if (missing.Count > 0)
            {
                problems.Add($"{node.Id} lacks {string.Join(", ", missing)}");
            }
        }
    }

    private void WriteState(string? topologyYaml)
    {
        Directory.CreateDirectory(Options.StateDirectory);
        File.WriteAllText(TopologyFileOf(Options), topologyYaml ?? string.Empty);
        File.WriteAllLines(Path.Combine(Options.StateDirectory, BmpPortFile), Options.BmpPorts.Select(p => p.ToString(CultureInfo.InvariantCulture)));
        foreach (var node in Layout.Nodes)
        {
            Directory.CreateDirectory(node.VtyDirectory);
            File.WriteAllText(node.ConfigFile, BgpdConfigWriter.Render(Layout, node));
        }
    }

    private static async Task CreateNamespaceAsync(LabNode node, CancellationToken cancellationToken)
    {
        await Ip(cancellationToken, "netns", "add", node.Namespace).ConfigureAwait(false);

        // IPv4-only links: with IPv6 on, every veth would get a fe80:: address and chat (DAD, router solicitations);
        // the lab must use only its IPv4 link addresses. IPv6 routes still travel as MP-BGP over IPv4.
        await HostCommand.RunCheckedAsync("ip", ["netns", "exec", node.Namespace, "sysctl", "-q", "-w",
            "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1"], cancellationToken: cancellationToken).ConfigureAwait(false);
        await Ip(cancellationToken, "-n", node.Namespace, "link", "set", "lo", "up").ConfigureAwait(false);
    }

    private async Task CreateWireAsync(LabWire wire, CancellationToken cancellationToken)
    {
        var a = Layout.Node(wire.Link.A);
        var b = Layout.Node(wire.Link.B);

        // Both ends are created directly inside their namespaces: no lab interface ever exists in the root namespace.
        await Ip(cancellationToken, "link", "add", wire.AInterface, "netns", a.Namespace, "type", "veth", "peer", "name", wire.BInterface, "netns", b.Namespace).ConfigureAwait(false);
        foreach (var (node, name, address) in new[] { (a, wire.AInterface, wire.Link.AAddress), (b, wire.BInterface, wire.Link.BAddress) })
        {
            await Ip(cancellationToken, "-n", node.Namespace, "addr", "add", Invariant($"{address}/{wire.Link.PrefixLength}"), "dev", name).ConfigureAwait(false);
            await Ip(cancellationToken, "-n", node.Namespace, "link", "set", name, "up").ConfigureAwait(false);
        }
    }

    private async Task StartRelaysAsync(CancellationToken cancellationToken)
    {
        for (var index = 0; index < Options.BmpPorts.Count; index++)
        {
            var port = Options.BmpPorts[index];
            var socket = Options.BmpSocketOf(index);
            var suffix = index == 0 ? string.Empty : Invariant($"-{index}");

            // Root namespace: lab socket -> collector on 127.0.0.1. A failed connect (collector not listening) just closes
            // the relayed connection, and bgpd retries.
            await HostProcesses.StartDetachedAsync(Path.Combine(Options.StateDirectory, $"bmp-relay{suffix}.pid"), Path.Combine(Options.StateDirectory, $"bmp-relay{suffix}.log"),
                ["socat", "-lf", Path.Combine(Options.StateDirectory, $"bmp-relay{suffix}.log"), $"UNIX-LISTEN:{socket},fork,unlink-early",
                 Invariant($"TCP:127.0.0.1:{port}")], cancellationToken).ConfigureAwait(false);
            await HostProcesses.WaitUntilAsync(() => File.Exists(socket), $"the BMP relay socket {socket}", cancellationToken).ConfigureAwait(false);

            foreach (var node in Layout.Nodes.Where(n => n.IsOurs))
            {
                await HostProcesses.StartDetachedAsync(Path.Combine(node.Directory, $"bmp-relay{suffix}.pid"), Path.Combine(node.Directory, $"bmp-relay{suffix}.log"),
                    ["ip", "netns", "exec", node.Namespace, "socat", "-lf", Path.Combine(node.Directory, $"bmp-relay{suffix}.log"),
                     Invariant($"TCP-LISTEN:{port},bind=127.0.0.1,reuseaddr,fork"), $"UNIX-CONNECT:{socket}"], cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Starts bgpd for <paramref name="node"/> in its namespace (no zebra, no TCP vty, BMP module loaded) from its <see cref="LabNode.ConfigFile"/>.</summary>
    public static async Task StartBgpdAsync(LabNode node, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        // bgpd drops to user frr: everything it reads or writes must be frr's.
        await HostCommand.RunCheckedAsync("chown", ["-R", "frr:frr", node.Directory], cancellationToken: cancellationToken).ConfigureAwait(false);
        await HostCommand.RunCheckedAsync("ip", ["netns", "exec", node.Namespace, Bgpd, "-d", "-f", node.ConfigFile, "-i", node.PidFile,
            "-z", node.ZebraSocket, "--vty_socket", node.VtyDirectory, "-Z", "-P", "0", "-M", "bmp"], cancellationToken: cancellationToken).ConfigureAwait(false);
        await HostProcesses.WaitUntilAsync(() => File.Exists(Path.Combine(node.VtyDirectory, "bgpd.vty")), $"bgpd of {node.Id}", cancellationToken).ConfigureAwait(false);
    }

    private static Task<string> Ip(CancellationToken cancellationToken, params string[] arguments) =>
        HostCommand.RunCheckedAsync("ip", arguments, cancellationToken: cancellationToken);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
