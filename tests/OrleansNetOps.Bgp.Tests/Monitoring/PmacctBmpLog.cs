using System.Globalization;
using System.Text.Json;
using OrleansNetOps.Bgp.Monitoring;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Tests.Monitoring;

/// <summary>
/// pmacct's BMP log (<c>output-bmp-*.json</c>: one JSON object per line, in the order nfacctd wrote them) replayed
/// into the routes pmacct holds at the end: <c>update</c> adds or replaces a route, <c>withdraw</c> and <c>delete</c>
/// (pmacct's own clean-up after a Peer Down) remove it, and a <c>peer_down</c> removes every route of that peer
/// and instance. A route is keyed as pmacct keys it: exporter, peer address, RIB, AFI/SAFI, route distinguisher,
/// prefix and ADD-PATH id. Lists may be strings (<c>"a b"</c>) or JSON arrays, as pmacct versions differ.
/// </summary>
internal sealed class PmacctBmpLog
{
    private PmacctBmpLog(IReadOnlyDictionary<string, string?> sysNames, IReadOnlyList<PmacctRoute> routes, int updates)
    {
        SysNames = sysNames;
        Routes = routes;
        Updates = updates;
    }

    /// <summary>sysName of every exporter (<c>bmp_router</c>) that sent an Initiation.</summary>
    public IReadOnlyDictionary<string, string?> SysNames { get; }

    /// <summary>The routes pmacct holds after the whole log.</summary>
    public IReadOnlyList<PmacctRoute> Routes { get; }

    /// <summary>Announcements logged.</summary>
    public int Updates { get; }

    public static PmacctBmpLog Load(string path)
    {
        var sysNames = new Dictionary<string, string?>();
        var routes = new Dictionary<string, PmacctRoute>();
        var updates = 0;
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var e = JsonDocument.Parse(line).RootElement.Clone();
            var router = Text(e, "bmp_router") ?? throw new InvalidDataException($"{path}:{lineNumber}: no bmp_router");
            switch (Text(e, "bmp_msg_type"))
            {
                case "init":
                    sysNames[router] = Text(e, "bmp_init_info_sysname");
                    break;
                case "route_monitor" or "internal":
                    switch (Text(e, "log_type"))
                    {
                        case "update":
                            var route = PmacctRoute.Of(router, e, $"{path}:{lineNumber}");
                            routes[route.Key] = route;
                            updates++;
                            break;
                        case "withdraw" or "delete":
                            routes.Remove(PmacctRoute.Of(router, e, $"{path}:{lineNumber}").Key);
                            break;
                    }

                    break;
                case "peer_down":
                    var peer = Text(e, "peer_ip");
                    var instance = PmacctRoute.Distinguisher(Text(e, "rd"), $"{path}:{lineNumber}");
                    foreach (var gone in routes.Values.Where(r => r.Router == router && r.Peer == peer && r.PeerInstance == instance).ToList())
                    {
                        routes.Remove(gone.Key);
                    }

                    break;
            }
        }

        return new PmacctBmpLog(sysNames, [.. routes.Values], updates);
    }

    /// <summary>A field as text: null when absent or null, arrays joined with spaces, numbers in invariant form.</summary>
    public static string? Text(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? null
        : v.ValueKind == JsonValueKind.Array ? string.Join(' ', v.EnumerateArray().Select(x => x.ToString()))
        : v.ToString();

    /// <summary>A list field as its items: a JSON array, or a string split at spaces.</summary>
    public static IReadOnlyList<string> Items(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? []
        : v.ValueKind == JsonValueKind.Array ? [.. v.EnumerateArray().Select(x => x.ToString())]
        : v.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A number field, or null.</summary>
    public static long? Number(JsonElement e, string name) =>
        Text(e, name) is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : null;
}

/// <summary>A route as pmacct logged it.</summary>
/// <param name="Router">The exporter (<c>bmp_router</c>).</param>
/// <param name="Peer">Peer address (<c>0.0.0.0</c> for Loc-RIB).</param>
/// <param name="View">The RIB (<c>bmp_rib_type</c>).</param>
/// <param name="Family">AFI/SAFI.</param>
/// <param name="Rd">Route distinguisher: from the NLRI (<c>rd_origin: bgp</c>) or the instance peer (<c>bmp</c>).</param>
/// <param name="PeerInstance">The per-peer header's distinguisher when that is where <paramref name="Rd"/> came from.</param>
/// <param name="Prefix">Prefix.</param>
/// <param name="PathId">ADD-PATH id.</param>
/// <param name="Line">The logged object.</param>
internal sealed record PmacctRoute(
    string Router, string Peer, RibView View, AfiSafi Family, RouteDistinguisher? Rd, RouteDistinguisher? PeerInstance,
    IpPrefix Prefix, uint? PathId, JsonElement Line)
{
    public string Key => $"{Router}|{Peer}|{View}|{Family}|{Rd}|{Prefix}|{PathId}";

    public static PmacctRoute Of(string router, JsonElement e, string where)
    {
        var rd = Distinguisher(PmacctBmpLog.Text(e, "rd"), where);
        var fromPeer = PmacctBmpLog.Text(e, "rd_origin") == "bmp";
        return new PmacctRoute(
            router,
            PmacctBmpLog.Text(e, "peer_ip") ?? throw new InvalidDataException($"{where}: no peer_ip"),
            ViewOf(PmacctBmpLog.Text(e, "bmp_rib_type"), where),
            new AfiSafi((Afi)PmacctBmpLog.Number(e, "afi")!.Value, (Safi)PmacctBmpLog.Number(e, "safi")!.Value),
            rd,
            fromPeer ? rd : null,
            IpPrefix.Parse(PmacctBmpLog.Text(e, "ip_prefix") ?? throw new InvalidDataException($"{where}: no ip_prefix")),
            PmacctBmpLog.Number(e, "as_path_id") is { } id ? (uint)id : null,
            e);
    }

    /// <summary>pmacct prints a distinguisher with its type first: <c>T:A:N</c>.</summary>
    public static RouteDistinguisher? Distinguisher(string? text, string where) =>
        text is null ? null
        : RouteDistinguisher.TryParse(text, out var rd) ? rd
        : throw new InvalidDataException($"{where}: route distinguisher '{text}'");

    private static RibView ViewOf(string? ribType, string where) => ribType switch
    {
        "Adj-Rib-In Pre-Policy" => RibView.AdjInPre,
        "Adj-Rib-In Post-Policy" => RibView.AdjInPost,
        "Adj-Rib-Out Pre-Policy" => RibView.AdjOutPre,
        "Adj-Rib-Out Post-Policy" => RibView.AdjOutPost,
        "Loc-Rib" => RibView.LocRib,
        _ => throw new InvalidDataException($"{where}: RIB type '{ribType}'"),
    };
}
