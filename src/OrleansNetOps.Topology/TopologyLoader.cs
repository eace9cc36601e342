using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Configuration;
using YamlDotNet.RepresentationModel;

namespace OrleansNetOps.Topology;

/// <summary>
/// Reads <c>topology.yaml</c> and checks it whole: every problem is reported at once with file, line, column and
/// field path, and a topology that loads is consistent (ids unique, links between known nodes, reflector clients
/// reachable over iBGP, addresses and prefixes valid).
/// </summary>
public static partial class TopologyLoader
{
    private const uint MaxAsn = uint.MaxValue;

    /// <summary>Loads a topology file.</summary>
    /// <exception cref="ConfigException">The file is missing, malformed or inconsistent.</exception>
    public static NetworkTopology LoadFile(string path, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = displayName ?? path;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(new ConfigError(name, string.Empty, $"cannot read the topology file: {exception.Message}"));
        }

        return Parse(text, name);
    }

    /// <summary>Parses topology YAML.</summary>
    /// <exception cref="ConfigException">The text is malformed or inconsistent.</exception>
    public static NetworkTopology Parse(string yaml, string sourceName)
    {
        var diagnostics = new ConfigDiagnostics(sourceName);
        var root = YamlDocumentReader.ReadMapping(yaml, diagnostics, "name, asn, sla, routers, isps and links");
        var top = new YamlSection(diagnostics, root, root, string.Empty);
        var name = top.String("name") ?? "topology";
        var asn = (uint)top.Long("asn", 0, 1, MaxAsn);
        if (top.Value("asn") is null)
        {
            top.Report(root, "asn", "required: our AS number");
        }

        var slaSection = top.Section("sla");
        var sla = new SlaTargets(slaSection.Double("latencyMs", 50, 0.001, 10_000), slaSection.Double("lossPct", 1, 0, 100));
        slaSection.Finish();

        var routers = ReadRouters(top, asn);
        var isps = ReadIsps(top);
        var links = ReadLinks(top, routers, isps, asn);
        top.Finish();
        CheckConsistency(top, root, routers, isps, links);
        diagnostics.ThrowIfAny();
        return new NetworkTopology(name, asn, sla,
            [.. routers.Select(r => r.Router)], [.. isps.Select(i => i.Isp)], [.. links.Select(l => l.Link)]);
    }

    private static List<(RouterNode Router, YamlSection Section)> ReadRouters(YamlSection top, uint asn)
    {
        var result = new List<(RouterNode, YamlSection)>();
        foreach (var section in top.Sections("routers") ?? [])
        {
            var id = Required(section, "id");
            var hostname = section.String("hostname") ?? id;
            var roleText = section.String("role") ?? "core";
            if (!RouterRoleNames.TryParse(roleText, out var role))
            {
                section.Report(section.Value("role")!, section.Child("role"), $"'{roleText}' is not one of {string.Join(", ", RouterRoleNames.All)}");
            }

            var routerId = Address(section, "routerId", required: true, ipv4Only: true);
            var routerAsn = (uint)section.Long("asn", asn, 1, MaxAsn);
            var clients = section.Strings("reflectorClients")?.Select(c => c.Text).ToList() ?? [];
            var originates = Prefixes(section, "originates");
            var driver = ReadDriver(section);
            section.Finish();
            if (role == RouterRole.RouteReflector && clients.Count == 0)
            {
                section.Report(section.Anchor, section.Child("reflectorClients"), "a route reflector needs at least one client");
            }

            result.Add((new RouterNode(id, hostname, role, routerId, routerAsn, clients, originates) { Driver = driver }, section));
        }

        if (result.Count == 0)
        {
            top.Report(top.Anchor, "routers", "required: at least one router");
        }

        return result;
    }

    // driver: dry-run | simulated, or a section { kind, vtysh: { netns, vtySocket, reloadDaemon } | ssh: { host, port, user, identityFile, knownHosts } }.
    private static RouterDriver? ReadDriver(YamlSection router)
    {
        var node = router.Value("driver");
        if (node is null)
        {
            return null;
        }

        var path = router.Child("driver");
        if (node is YamlScalarNode { Value: { } text })
        {
            var kind = DriverKind(router, node, path, text);
            if (kind == RouterDriverKind.Frr)
            {
                router.Report(node, path, "frr needs to know how to reach vtysh: write { kind: frr, vtysh: { netns: ... } } or { kind: frr, ssh: { host: ..., user: ..., identityFile: ..., knownHosts: ... } }");
                return null;
            }

            return kind is { } known ? new RouterDriver(known, null, null) : null;
        }

        var section = router.Section("driver");
        if (!section.IsPresent)
        {
            return null;
        }

        var kindText = section.String("kind");
        var parsed = kindText is null ? null : DriverKind(section, section.Value("kind")!, section.Child("kind"), kindText);
        if (kindText is null)
        {
            section.Report(section.Anchor, section.Child("kind"), $"required: one of {string.Join(", ", RouterDriverKindNames.All)}");
        }

        var vtysh = ReadVtysh(section.Section("vtysh"));
        var ssh = ReadSsh(section.Section("ssh"));
        section.Finish();
        var reaches = (vtysh is null ? 0 : 1) + (ssh is null ? 0 : 1);
        switch (parsed)
        {
            case RouterDriverKind.Frr when reaches == 0:
                section.Report(section.Anchor, path, "kind frr needs vtysh (a router on this host, e.g. in a network namespace) or ssh (a router elsewhere)");
                break;
            case RouterDriverKind.Simulated when reaches > 0:
                section.Report(section.Anchor, path, "a simulated router is not reached through vtysh or ssh");
                break;
        }

        if (reaches == 2)
        {
            section.Report(section.Anchor, path, "give vtysh or ssh, not both");
        }

        return parsed is { } driverKind ? new RouterDriver(driverKind, vtysh, ssh) : null;
    }

    private static RouterDriverKind? DriverKind(YamlSection section, YamlNode node, string path, string text)
    {
        if (RouterDriverKindNames.TryParse(text, out var kind))
        {
            return kind;
        }

        section.Report(node, path, $"'{text}' is not one of {string.Join(", ", RouterDriverKindNames.All)}");
        return null;
    }

    private static LocalVtyshAccess? ReadVtysh(YamlSection section)
    {
        if (!section.IsPresent)
        {
            return null;
        }

        var netns = Checked(section, "netns", NamePattern(), "is not a network namespace name (letters, digits, '.', '_', '-')");
        var socket = AbsolutePath(section, "vtySocket");
        var daemon = Checked(section, "reloadDaemon", NamePattern(), "is not an FRR daemon name such as bgpd");
        section.Finish();
        return new LocalVtyshAccess(netns, socket, daemon);
    }

    private static SshAccess? ReadSsh(YamlSection section)
    {
        if (!section.IsPresent)
        {
            return null;
        }

        var host = Required(section, "host");
        if (host.Length > 0 && (host.StartsWith('-') || host.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '@')))
        {
            section.Report(section.Value("host")!, section.Child("host"), $"'{host}' is not a host name or address");
        }

        var port = section.Int("port", 22, 1, 65535);
        var user = Required(section, "user");
        if (user.Length > 0 && (user.StartsWith('-') || user.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '@')))
        {
            section.Report(section.Value("user")!, section.Child("user"), $"'{user}' is not a user name");
        }

        var identity = AbsolutePath(section, "identityFile");
        var knownHosts = AbsolutePath(section, "knownHosts");
        foreach (var (value, field) in new[] { (identity, "identityFile"), (knownHosts, "knownHosts") })
        {
            if (value is null && section.Value(field) is null)
            {
                section.Report(section.Anchor, section.Child(field), field == "knownHosts"
                    ? "required: the known_hosts file with the router's host key (host keys are always checked)"
                    : "required: the private key (key authentication only)");
            }
        }

        section.Finish();
        return new SshAccess(host, port, user, identity ?? string.Empty, knownHosts ?? string.Empty);
    }

    private static string? Checked(YamlSection section, string field, Regex pattern, string problem)
    {
        var text = section.String(field)?.Trim();
        if (text is not null && !pattern.IsMatch(text))
        {
            section.Report(section.Value(field)!, section.Child(field), $"'{text}' {problem}");
            return null;
        }

        return text;
    }

    // Paths are written out in full: a relative one would depend on the silo's working directory.
    private static string? AbsolutePath(YamlSection section, string field)
    {
        var text = section.String(field)?.Trim();
        if (text is not null && (!Path.IsPathRooted(text) || text.Any(char.IsControl)))
        {
            section.Report(section.Value(field)!, section.Child(field), $"'{text}' is not an absolute path");
            return null;
        }

        return text;
    }

    private static List<(IspNode Isp, YamlSection Section)> ReadIsps(YamlSection top)
    {
        var result = new List<(IspNode, YamlSection)>();
        foreach (var section in top.Sections("isps") ?? [])
        {
            var id = Required(section, "id");
            var ispAsn = (uint)section.Long("asn", 0, 1, MaxAsn);
            if (section.Value("asn") is null)
            {
                section.Report(section.Anchor, section.Child("asn"), "required");
            }

            var routerId = Address(section, "routerId", required: true, ipv4Only: true);
            var capacity = section.Double("capacityGbps", 1, 0.001, 1_000_000);
            var latency = section.Double("latencyMs", 10, 0, 10_000);
            var cost = section.Double("costPerGb", 0, 0, 1_000);
            var announcements = new List<IspAnnouncement>();
            foreach (var announce in section.Sections("announces") ?? [])
            {
                var prefixText = Required(announce, "prefix");
                var prefix = ParsePrefix(announce, "prefix", prefixText);
                var path = announce.Longs("asPath", 1, MaxAsn)?.Select(a => (uint)a).ToList() ?? [];
                var med = announce.Value("med") is null ? (uint?)null : (uint)announce.Long("med", 0, 0, uint.MaxValue);
                announce.Finish();
                announcements.Add(new IspAnnouncement(prefix, path, med));
            }

            section.Finish();
            result.Add((new IspNode(id, ispAsn, routerId, capacity, latency, cost, announcements), section));
        }

        return result;
    }

    private static List<(TopologyLink Link, YamlSection Section)> ReadLinks(
        YamlSection top, List<(RouterNode Router, YamlSection Section)> routers, List<(IspNode Isp, YamlSection Section)> isps, uint asn)
    {
        var result = new List<(TopologyLink, YamlSection)>();
        foreach (var section in top.Sections("links") ?? [])
        {
            var a = Required(section, "a");
            var b = Required(section, "b");
            var aAddress = Address(section, "aAddress", required: true, ipv4Only: false);
            var bAddress = Address(section, "bAddress", required: true, ipv4Only: false);
            var maxLength = aAddress.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32;
            var prefixLength = (int)section.Long("prefixLength", maxLength == 32 ? 30 : 64, 1, maxLength);
            var isp = isps.FirstOrDefault(i => i.Isp.Id == a || i.Isp.Id == b).Isp;
            var capacity = section.Double("capacityGbps", isp?.CapacityGbps ?? 10, 0.001, 1_000_000);
            var latency = section.Double("latencyMs", isp?.LatencyMs ?? 1, 0, 10_000);
            var cost = section.Double("costPerGb", isp?.CostPerGb ?? 0, 0, 1_000);
            section.Finish();

            var aAsn = AsnOf(a, routers, isps);
            var bAsn = AsnOf(b, routers, isps);
            foreach (var (end, endAsn) in new[] { (a, aAsn), (b, bAsn) })
            {
                if (endAsn is null && end.Length > 0)
                {
                    section.Report(section.Anchor, section.Child(end == a ? "a" : "b"), $"'{end}' is neither a router nor an ISP of this topology");
                }
            }

            if (routers.All(r => r.Router.Id != a) && routers.All(r => r.Router.Id != b) && a.Length > 0 && b.Length > 0 && aAsn is not null && bAsn is not null)
            {
                section.Report(section.Anchor, section.Path, "a link must have one of our routers at one end at least");
            }

            var kind = aAsn is not null && aAsn == bAsn ? SessionKind.Ibgp : SessionKind.Ebgp;
            result.Add((new TopologyLink(a, b, aAddress, bAddress, prefixLength, kind, capacity, latency, cost), section));
        }

        return result;
    }

    private static void CheckConsistency(YamlSection top, YamlMappingNode root, List<(RouterNode Router, YamlSection Section)> routers,
        List<(IspNode Isp, YamlSection Section)> isps, List<(TopologyLink Link, YamlSection Section)> links)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, section) in routers.Select(r => (r.Router.Id, r.Section)).Concat(isps.Select(i => (i.Isp.Id, i.Section))))
        {
            if (id.Length > 0 && !ids.Add(id))
            {
                section.Report(section.Anchor, section.Child("id"), $"'{id}' is used by another router or ISP");
            }
        }

        var addresses = new Dictionary<IPAddress, string>();
        foreach (var (link, section) in links)
        {
            foreach (var (address, field) in new[] { (link.AAddress, "aAddress"), (link.BAddress, "bAddress") })
            {
                if (!address.Equals(IPAddress.None) && !addresses.TryAdd(address, section.Child(field)))
                {
                    section.Report(section.Anchor, section.Child(field), $"{address} is already used at {addresses[address]}");
                }
            }

            if (link.A == link.B)
            {
                section.Report(section.Anchor, section.Path, "a link needs two different ends");
            }
        }

        foreach (var (router, section) in routers)
        {
            foreach (var client in router.ReflectorClients)
            {
                var clientRouter = routers.FirstOrDefault(r => r.Router.Id == client).Router;
                if (clientRouter is null)
                {
                    section.Report(section.Anchor, section.Child("reflectorClients"), $"'{client}' is not a router of this topology");
                }
                else if (!links.Any(l => l.Link.Kind == SessionKind.Ibgp && l.Link.Touches(router.Id) && l.Link.Touches(client)))
                {
                    section.Report(section.Anchor, section.Child("reflectorClients"), $"'{client}' has no iBGP link to {router.Id}");
                }
            }
        }

        _ = top;
        _ = root;
    }

    private static uint? AsnOf(string id, List<(RouterNode Router, YamlSection Section)> routers, List<(IspNode Isp, YamlSection Section)> isps) =>
        routers.FirstOrDefault(r => r.Router.Id == id).Router?.Asn ?? isps.FirstOrDefault(i => i.Isp.Id == id).Isp?.Asn;

    private static string Required(YamlSection section, string field)
    {
        var value = section.String(field);
        if (string.IsNullOrWhiteSpace(value))
        {
            section.Report(section.Value(field) ?? section.Anchor, section.Child(field), "required");
            return string.Empty;
        }

        return value.Trim();
    }

    private static IPAddress Address(YamlSection section, string field, bool required, bool ipv4Only)
    {
        var text = section.String(field);
        if (text is null)
        {
            if (required)
            {
                section.Report(section.Anchor, section.Child(field), "required");
            }

            return IPAddress.None;
        }

        if (!IPAddress.TryParse(text.Trim(), out var address) || (ipv4Only && address.AddressFamily != AddressFamily.InterNetwork))
        {
            section.Report(section.Value(field)!, section.Child(field), $"'{text}' is not an {(ipv4Only ? "IPv4" : "IP")} address");
            return IPAddress.None;
        }

        return address;
    }

    private static List<IpPrefix> Prefixes(YamlSection section, string field) =>
        (section.Strings(field) ?? []).Select(item =>
        {
            if (IpPrefix.TryParse(item.Text.Trim(), out var prefix))
            {
                return (IpPrefix?)prefix;
            }

            section.Report(item.Node, item.Path, $"'{item.Text}' is not a prefix (address/length)");
            return null;
        }).Where(p => p is not null).Select(p => p!.Value).ToList();

    private static IpPrefix ParsePrefix(YamlSection section, string field, string text)
    {
        if (text.Length > 0 && !IpPrefix.TryParse(text, out var prefix))
        {
            section.Report(section.Value(field)!, section.Child(field), $"'{text}' is not a prefix (address/length)");
            return default;
        }

        return text.Length == 0 ? default : IpPrefix.Parse(text);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex NamePattern();
}
