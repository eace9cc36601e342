using Microsoft.AspNetCore.Http.HttpResults;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Grains.Network;
using OrleansNetOps.Silo.Auth;
using OrleansNetOps.Telemetry.TimeSeries;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Silo.Network;

/// <summary>API.md "Network state": routers, peers, RIBs and the topology.</summary>
internal static class NetworkEndpoints
{
    private const int DefaultRibLimit = 10_000;
    private const int MaxRibLimit = 1_000_000;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").RequireAuthorization(RolePolicies.Viewer).WithTags("Network");
        api.MapGet("/routers", ListRouters).WithName("ListRouters").WithSummary("Every router: from topology.yaml and from BMP.");
        api.MapGet("/routers/{id}", GetRouter).WithName("GetRouter").WithSummary("One router with its sessions.");
        api.MapGet("/routers/{id}/peers", GetPeers).WithName("GetPeers").WithSummary("A router's BGP sessions.");
        api.MapGet("/routers/{id}/rib", GetRib).WithName("GetRib")
            .WithSummary("Routes of a router's RIB: view adj-in-pre|adj-in-post|adj-out-pre|adj-out-post|loc, afi ipv4|ipv6, safi unicast|labeled-unicast|vpn, optional peer (address or topology name), rd, vrf, prefix, limit.");
        api.MapGet("/topology", GetTopology).WithName("GetTopology").WithSummary("Nodes and links with session state.");
    }

    private static async Task<Ok<List<RouterListItem>>> ListRouters(IGrainFactory grains, NetworkTopology topology)
    {
        var ids = await RouterDirectory.KnownIdsAsync(grains, topology);
        var summaries = await Task.WhenAll(ids.Select(id => grains.GetGrain<IRouterGrain>(id).GetSummaryAsync()));
        return TypedResults.Ok(summaries.Select(RouterListItem.From).ToList());
    }

    private static async Task<Results<Ok<RouterDetail>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> GetRouter(
        string id, IGrainFactory grains, NetworkTopology topology, IServiceProvider services, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await RouterDirectory.ExistsAsync(id, grains, topology))
        {
            return RouterDirectory.NotFound(id);
        }

        var router = grains.GetGrain<IRouterGrain>(id);
        var summary = await router.GetSummaryAsync();
        var peers = await router.GetPeersAsync();
        var metrics = services.GetService<ITimeSeriesStore>() is { } store
            ? await LatestMetrics.ReadAsync(store, id, time.GetUtcNow(), cancellationToken)
            : new Dictionary<string, MetricPointView>();
        return TypedResults.Ok(RouterDetail.From(summary, peers, metrics));
    }

    private static async Task<Results<Ok<IReadOnlyList<PeerStatus>>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> GetPeers(
        string id, IGrainFactory grains, NetworkTopology topology)
    {
        if (!await RouterDirectory.ExistsAsync(id, grains, topology))
        {
            return RouterDirectory.NotFound(id);
        }

        return TypedResults.Ok(await grains.GetGrain<IRouterGrain>(id).GetPeersAsync());
    }

    private static async Task<Results<Ok<RibResult>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>, ValidationProblem>> GetRib(
        string id, IGrainFactory grains, NetworkTopology topology,
        string? afi = null, string? safi = null, string? view = null, string? peer = null, string? rd = null, string? vrf = null, string? prefix = null,
        int? limit = null)
    {
        var errors = new Dictionary<string, string[]>();
        var family = afi switch
        {
            null or "ipv4" => Afi.IPv4,
            "ipv6" => Afi.IPv6,
            _ => (Afi?)null,
        };
        if (family is null)
        {
            errors["afi"] = [$"'{afi}' is not one of ipv4, ipv6"];
        }

        var subsequent = RouteViews.ParseSafi(safi);
        if (subsequent is null)
        {
            errors["safi"] = [$"'{safi}' is not one of unicast, labeled-unicast, vpn"];
        }

        RouteDistinguisher? distinguisher = null;
        if (rd is not null)
        {
            if (RouteDistinguisher.TryParse(rd, out var parsedRd))
            {
                distinguisher = parsedRd;
            }
            else
            {
                errors["rd"] = [$"'{rd}' is not a route distinguisher (A:B, A.B.C.D:N or T:A:N)"];
            }
        }

        var ribView = RouteViews.ParseView(view);
        if (ribView is null)
        {
            errors["view"] = [$"'{view}' is not one of adj-in-pre, adj-in-post, adj-out-pre, adj-out-post, loc"];
        }

        IpPrefix? wanted = null;
        if (prefix is not null)
        {
            if (IpPrefix.TryParse(prefix, out var parsed))
            {
                wanted = parsed;
            }
            else
            {
                errors["prefix"] = [$"'{prefix}' is not a prefix (address/length)"];
            }
        }

        var neighbour = peer;
        if (peer is not null && !System.Net.IPAddress.TryParse(peer, out _))
        {
            // A topology name, as the what-if accepts it: the address of that node on its link with this router.
            var link = topology.LinksOf(id).FirstOrDefault(l => string.Equals(l.Other(id), peer, StringComparison.OrdinalIgnoreCase));
            if (link is null)
            {
                errors["peer"] = [$"'{peer}' is neither an IP address nor a topology node linked to {id}"];
            }
            else
            {
                neighbour = link.AddressOf(link.Other(id)).ToString();
            }
        }

        if (limit is < 1 or > MaxRibLimit)
        {
            errors["limit"] = [$"{limit} is out of range (1..{MaxRibLimit})"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The query has invalid values.");
        }

        if (!await RouterDirectory.ExistsAsync(id, grains, topology))
        {
            return RouterDirectory.NotFound(id);
        }

        var query = new RibQuery(ribView!.Value, family!.Value, neighbour, distinguisher, wanted, limit ?? DefaultRibLimit, subsequent!.Value,
            string.IsNullOrEmpty(vrf) ? null : vrf);
        return TypedResults.Ok(await grains.GetGrain<IRouterGrain>(id).GetRibAsync(query));
    }

    private static async Task<Ok<TopologyView>> GetTopology(IGrainFactory grains, NetworkTopology topology, ITimeSeriesStore metrics, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var routers = topology.Routers.ToDictionary(r => r.Id, r => grains.GetGrain<IRouterGrain>(r.Id));
        var summaries = (await Task.WhenAll(routers.Values.Select(r => r.GetSummaryAsync()))).ToDictionary(s => s.Id);
        var peers = (await Task.WhenAll(routers.Select(async r => (r.Key, Peers: await r.Value.GetPeersAsync()))))
            .ToDictionary(p => p.Key, p => p.Peers);

        var nodes = topology.Routers.Select(r => new TopologyNodeView(r.Id, "router", r.Hostname, RouterRoleNames.Name(r.Role), r.Asn, r.RouterId.ToString(),
                summaries[r.Id].Status.ToString().ToLowerInvariant(), null, null, null))
            .Concat(topology.Isps.Select(i => new TopologyNodeView(i.Id, "isp", null, null, i.Asn, i.RouterId.ToString(), "unknown",
                i.CapacityGbps, i.LatencyMs, i.CostPerGb)))
            .ToList();
        var now = time.GetUtcNow();
        var links = new List<TopologyLinkView>(topology.Links.Count);
        foreach (var l in topology.Links)
        {
            var (utilisation, latency, loss) = await LinkMeasurements.ReadAsync(metrics, topology, l, now, cancellationToken);
            links.Add(new TopologyLinkView(l.A, l.B, l.Kind == SessionKind.Ebgp ? "ebgp" : "ibgp", LinkState(l, peers), utilisation, latency ?? l.LatencyMs, loss,
                l.CapacityGbps));
        }

        return TypedResults.Ok(new TopologyView(topology.Name, topology.Asn, nodes, links));
    }

    private static string LinkState(TopologyLink link, Dictionary<string, IReadOnlyList<PeerStatus>> peers)
    {
        foreach (var (end, farAddress) in new[] { (link.A, link.BAddress), (link.B, link.AAddress) })
        {
            if (peers.TryGetValue(end, out var sessions) && sessions.FirstOrDefault(p => p.PeerAddress == farAddress.ToString()) is { } session)
            {
                return session.State == "established" ? "up" : "down";
            }
        }

        return "unknown";
    }
}
