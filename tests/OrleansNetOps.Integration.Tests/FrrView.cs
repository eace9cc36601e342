using System.Globalization;
using System.Net;
using System.Text.Json;

namespace OrleansNetOps.Integration.Tests;

/// <summary>Turns FRR's JSON and our API's JSON into the same comparable lines.</summary>
public static class FrrView
{
    /// <summary>One line per valid path in <c>show bgp ipv4|ipv6 unicast json</c>.</summary>
    public static SortedSet<string> FrrPaths(string tableJson)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(tableJson);
        if (!document.RootElement.TryGetProperty("routes", out var routes))
        {
            return lines;
        }

        foreach (var prefix in routes.EnumerateObject())
        {
            foreach (var path in prefix.Value.EnumerateArray())
            {
                if (!path.TryGetProperty("valid", out var valid) || !valid.GetBoolean())
                {
                    continue;
                }

                var peer = path.TryGetProperty("peerId", out var peerId) ? peerId.GetString() : null;
                var nextHop = path.TryGetProperty("nexthops", out var hops) && hops.GetArrayLength() > 0
                    ? hops[0].GetProperty("ip").GetString()
                    : null;
                lines.Add(Line(
                    prefix.Name,
                    peer is null or "(unspec)" ? "local" : Normalize(peer),
                    nextHop,
                    path.TryGetProperty("path", out var asPath) ? asPath.GetString() ?? string.Empty : string.Empty,
                    (path.TryGetProperty("origin", out var origin) ? origin.GetString() ?? "?" : "?").ToLowerInvariant(),
                    path.TryGetProperty("metric", out var med) ? med.GetUInt32() : null,
                    path.TryGetProperty("bestpath", out var best) && best.GetBoolean()));
            }
        }

        return lines;
    }

    /// <summary>One line per route of our API's rib answer.</summary>
    public static SortedSet<string> ApiPaths(JsonElement rib)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var route in rib.GetProperty("routes").EnumerateArray())
        {
            var peer = route.GetProperty("peerAddress").GetString()!;
            var local = IPAddress.Parse(peer).Equals(IPAddress.Any) || IPAddress.Parse(peer).Equals(IPAddress.IPv6Any);
            var asPath = string.Join(' ', route.GetProperty("asPath").EnumerateArray().Select(a => a.GetUInt32().ToString(CultureInfo.InvariantCulture)));
            lines.Add(Line(
                route.GetProperty("prefix").GetString()!,
                local ? "local" : Normalize(peer),
                route.GetProperty("nextHop").GetString(),
                asPath,
                route.GetProperty("origin").GetString() ?? "?",
                route.GetProperty("med").ValueKind == JsonValueKind.Number ? route.GetProperty("med").GetUInt32() : null,
                route.GetProperty("best").GetBoolean()));
        }

        return lines;
    }

    /// <summary>The difference, for a readable failure.</summary>
    public static string Diff(SortedSet<string> frr, SortedSet<string> api) =>
        "only in FRR:\n  " + string.Join("\n  ", frr.Except(api)) + "\nonly in the API:\n  " + string.Join("\n  ", api.Except(frr));

    private static string Line(string prefix, string peer, string? nextHop, string asPath, string origin, uint? med, bool best) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{prefix} from {peer} nh {(nextHop is null ? "-" : Normalize(nextHop))} path [{asPath}] {origin} med {(med is null ? "-" : med.Value.ToString(CultureInfo.InvariantCulture))}{(best ? " BEST" : string.Empty)}");

    // FRR prints IPv4-mapped IPv6 next hops as ::ffff:cb00:7102; compare addresses, not spellings.
    private static string Normalize(string address) =>
        IPAddress.TryParse(address, out var parsed) ? (parsed.IsIPv4MappedToIPv6 ? "::ffff:" + parsed.MapToIPv4() : parsed.ToString()) : address;
}
