using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using OrleansNetOps.Lab;
using OrleansNetOps.Lab.Host;

namespace OrleansNetOps.Integration.Tests.FullTable;

/// <summary>
/// One real FRR router monitored over BMP and a feed namespace facing it over a veth: the test's BGP speaker reaches
/// bgpd through a relay in the feed namespace (a Unix socket there, a TCP connection from the feed's lab address), and
/// BMP reaches the collector on the root namespace's loopback through the same relays as <see cref="FrrLab"/>. Torn down
/// by name with <see cref="LabTeardown"/>, like every lab.
/// </summary>
public sealed class FullTableLab(LabOptions options, string hostname, IPAddress routerId, uint asn, uint feedAs)
{
    /// <summary>bgpd's end of the veth.</summary>
    public static readonly IPAddress RouterAddress = IPAddress.Parse("203.0.113.249");

    /// <summary>The feed's end of the veth: the address bgpd sees the speaker at.</summary>
    public static readonly IPAddress FeedAddress = IPAddress.Parse("203.0.113.250");

    private static readonly TimeSpan s_vtyshTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Name, BMP port, state directory.</summary>
    public LabOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>The monitored router.</summary>
    public LabNode Router { get; } = new("edge", hostname, asn, routerId, IsOurs: true, options.NamespacePrefix + "edge", Path.Combine(options.StateDirectory, "edge"));

    private string FeedNamespace => Options.NamespacePrefix + "feed";

    private string FeedSocket => Path.Combine(Options.StateDirectory, "feed.sock");

    /// <summary>Namespaces, veth, relays, bgpd. A leftover lab of the same name goes first; a failed start is torn down.</summary>
    public async Task UpAsync(CancellationToken cancellationToken = default)
    {
        await LabTeardown.RunAsync(Options, cancellationToken);
        try
        {
            Directory.CreateDirectory(Router.VtyDirectory);
            await File.WriteAllTextAsync(Router.ConfigFile, BgpdConfig(), cancellationToken);
            foreach (var name in new[] { Router.Namespace, FeedNamespace })
            {
                await Run(cancellationToken, "ip", "netns", "add", name);
                await Run(cancellationToken, "ip", "netns", "exec", name, "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
                await Run(cancellationToken, "ip", "-n", name, "link", "set", "lo", "up");
            }

            await Run(cancellationToken, "ip", "link", "add", "feed0", "netns", Router.Namespace, "type", "veth", "peer", "name", "edge0", "netns", FeedNamespace);
            foreach (var (name, device, address) in new[] { (Router.Namespace, "feed0", RouterAddress), (FeedNamespace, "edge0", FeedAddress) })
            {
                await Run(cancellationToken, "ip", "-n", name, "addr", "add", address + "/30", "dev", device);
                await Run(cancellationToken, "ip", "-n", name, "link", "set", device, "up");
            }

            var port = Options.BmpPort.ToString(CultureInfo.InvariantCulture);
            await HostProcesses.StartDetachedAsync(Path.Combine(Options.StateDirectory, "bmp-relay.pid"), Path.Combine(Options.StateDirectory, "bmp-relay.log"),
                ["socat", "-lf", Path.Combine(Options.StateDirectory, "bmp-relay.log"), $"UNIX-LISTEN:{Options.BmpSocket},fork,unlink-early", $"TCP:127.0.0.1:{port}"], cancellationToken);
            await HostProcesses.WaitUntilAsync(() => File.Exists(Options.BmpSocket), "the BMP relay socket", cancellationToken);
            await HostProcesses.StartDetachedAsync(Path.Combine(Router.Directory, "bmp-relay.pid"), Path.Combine(Router.Directory, "bmp-relay.log"),
                ["ip", "netns", "exec", Router.Namespace, "socat", "-lf", Path.Combine(Router.Directory, "bmp-relay.log"),
                 $"TCP-LISTEN:{port},bind=127.0.0.1,reuseaddr,fork", $"UNIX-CONNECT:{Options.BmpSocket}"], cancellationToken);

            // The speaker's TCP connection starts in the feed namespace, from the feed's lab address.
            await HostProcesses.StartDetachedAsync(Path.Combine(Options.StateDirectory, "feed-relay.pid"), Path.Combine(Options.StateDirectory, "feed-relay.log"),
                ["ip", "netns", "exec", FeedNamespace, "socat", "-lf", Path.Combine(Options.StateDirectory, "feed-relay.log"),
                 $"UNIX-LISTEN:{FeedSocket},fork,unlink-early", $"TCP:{RouterAddress}:179,bind={FeedAddress}"], cancellationToken);
            await HostProcesses.WaitUntilAsync(() => File.Exists(FeedSocket), "the feed relay socket", cancellationToken);
            await FrrLab.StartBgpdAsync(Router, cancellationToken);
        }
        catch
        {
            await DownAsync();
            throw;
        }
    }

    /// <summary>Stops everything and removes namespaces and state.</summary>
    public Task<IReadOnlyList<string>> DownAsync() => LabTeardown.RunAsync(Options, CancellationToken.None);

    /// <summary>A connection to bgpd's port 179 from the feed's address.</summary>
    public async Task<Stream> ConnectFeedAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(FeedSocket), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Runs one vtysh command on the router.</summary>
    public Task<string> VtyshAsync(string command, CancellationToken cancellationToken = default) =>
        HostCommand.RunCheckedAsync("vtysh", ["--vty_socket", Router.VtyDirectory, "-c", command], s_vtyshTimeout, cancellationToken);

    /// <summary>The feed session's state and accepted prefixes, from <c>show bgp ipv4 unicast summary json</c>.</summary>
    public async Task<(string State, long Prefixes)> FeedSessionAsync(CancellationToken cancellationToken = default)
    {
        using var summary = JsonDocument.Parse(await VtyshAsync("show bgp ipv4 unicast summary json", cancellationToken));
        if (!summary.RootElement.TryGetProperty("peers", out var peers) || !peers.TryGetProperty(FeedAddress.ToString(), out var peer))
        {
            return ("not configured", 0);
        }

        return (peer.GetProperty("state").GetString() ?? "?",
            peer.TryGetProperty("pfxRcd", out var received) && received.ValueKind == JsonValueKind.Number ? received.GetInt64() : 0);
    }

    /// <summary>Route Monitoring messages bgpd has sent to the collector: the <c>MonSent</c> column of <c>show bmp</c>.</summary>
    /// <exception cref="FormatException">No connected BMP client in the output.</exception>
    public async Task<long> RouteMonitoringSentAsync(CancellationToken cancellationToken = default)
    {
        var lines = (await VtyshAsync("show bmp", cancellationToken)).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var header = Array.FindIndex(lines, l => l.Contains("MonSent", StringComparison.Ordinal));
        if (header < 0 || header + 2 >= lines.Length)
        {
            throw new FormatException("show bmp lists no connected client:\n" + string.Join('\n', lines));
        }

        // The header, a dashed rule, then one row per client: "127.0.0.1:38121   00:01:19   2000000   0 ...".
        var column = Array.IndexOf(lines[header].Split(' ', StringSplitOptions.RemoveEmptyEntries), "MonSent");
        return long.Parse(lines[header + 2].Split(' ', StringSplitOptions.RemoveEmptyEntries)[column], CultureInfo.InvariantCulture);
    }

    private string BgpdConfig()
    {
        var feed = FeedAddress.ToString();
        var text = new StringBuilder();
        foreach (var line in new[]
        {
            "frr defaults traditional",
            $"hostname {Router.Hostname}",
            $"log file {Router.LogFile} informational",
            "!",
            // Nothing goes back to the feed: it is a sink-less speaker.
            "route-map FEED-OUT deny 10",
            "exit",
            "!",
            string.Create(CultureInfo.InvariantCulture, $"router bgp {Router.Asn}"),
            $" bgp router-id {Router.RouterId}",
            " no bgp ebgp-requires-policy",
            " no bgp default ipv4-unicast",
            string.Create(CultureInfo.InvariantCulture, $" neighbor {feed} remote-as {feedAs}"),
            $" neighbor {feed} description FEED",
            // The speaker connects; a long hold time keeps a loaded machine from dropping the session mid-table.
            $" neighbor {feed} passive",
            $" neighbor {feed} timers 30 90",
            " address-family ipv4 unicast",
            $"  neighbor {feed} activate",
            // BMP pre-policy is read from the soft-reconfiguration copy.
            $"  neighbor {feed} soft-reconfiguration inbound",
            $"  neighbor {feed} route-map FEED-OUT out",
            " exit-address-family",
            " bmp targets collector",
            string.Create(CultureInfo.InvariantCulture, $"  bmp connect 127.0.0.1 port {Options.BmpPort} min-retry 100 max-retry 1000"),
            "  bmp monitor ipv4 unicast pre-policy",
            "  bmp monitor ipv4 unicast post-policy",
            "  bmp stats interval 5000",
            " exit",
            "exit",
            "!",
            "end",
        })
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    private static Task<string> Run(CancellationToken cancellationToken, string program, params string[] arguments) =>
        HostCommand.RunCheckedAsync(program, arguments, cancellationToken: cancellationToken);
}
