using System.Text.Json;

namespace OrleansNetOps.Lab.Frr;

/// <summary>Reads the few fields the lab needs from FRR 8.4's vtysh JSON.</summary>
public static class FrrJson
{
    /// <summary>Sessions from <c>show bgp summary json</c>, merged over IPv4 and IPv6 unicast.</summary>
    public static IReadOnlyList<LabSession> Sessions(string node, string summaryJson)
    {
        using var document = JsonDocument.Parse(summaryJson);
        var sessions = new Dictionary<string, LabSession>(StringComparer.Ordinal);
        foreach (var (family, ipv6) in new[] { ("ipv4Unicast", false), ("ipv6Unicast", true) })
        {
            if (!document.RootElement.TryGetProperty(family, out var af) || !af.TryGetProperty("peers", out var peers))
            {
                continue;
            }

            foreach (var peer in peers.EnumerateObject())
            {
                var state = peer.Value.TryGetProperty("state", out var s) ? s.GetString() ?? "?" : "?";
                var description = peer.Value.TryGetProperty("desc", out var d) ? d.GetString() : null;
                int? received = peer.Value.TryGetProperty("pfxRcd", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetInt32() : null;
                var existing = sessions.GetValueOrDefault(peer.Name) ?? new LabSession(node, peer.Name, description, state, null, null);

                // A session is one TCP connection; report the worse state should the families ever disagree.
                var merged = existing.IsEstablished ? state : existing.State;
                sessions[peer.Name] = ipv6
                    ? existing with { State = merged, Ipv6PrefixesReceived = received }
                    : existing with { State = merged, Ipv4PrefixesReceived = received };
            }
        }

        return [.. sessions.Values];
    }

    /// <summary>Paths from <c>show bgp ipv4|ipv6 unicast json</c>.</summary>
    public static IReadOnlyList<LabRoute> Routes(string tableJson)
    {
        using var document = JsonDocument.Parse(tableJson);
        var routes = new List<LabRoute>();
        if (!document.RootElement.TryGetProperty("routes", out var table))
        {
            return routes;
        }

        foreach (var prefix in table.EnumerateObject())
        {
            foreach (var path in prefix.Value.EnumerateArray())
            {
                string? nextHop = null;
                if (path.TryGetProperty("nexthops", out var hops) && hops.GetArrayLength() > 0 && hops[0].TryGetProperty("ip", out var ip))
                {
                    nextHop = ip.GetString();
                }

                routes.Add(new LabRoute(
                    prefix.Name,
                    path.TryGetProperty("bestpath", out var best) && best.ValueKind == JsonValueKind.True,
                    path.TryGetProperty("path", out var asPath) ? asPath.GetString() ?? string.Empty : string.Empty,
                    nextHop,
                    UInt(path, "locPrf"),
                    UInt(path, "metric"),
                    path.TryGetProperty("peerId", out var peer) ? peer.GetString() : null));
            }
        }

        return routes;
    }

    private static uint? UInt(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetUInt32() : null;
}
