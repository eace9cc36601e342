using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OrleansNetOps.Grains.Events;

namespace OrleansNetOps.Grains.Network;

/// <summary>The live feed's <c>router</c> and <c>peer</c> events, in the REST shapes of API.md.</summary>
public static class NetworkEvents
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>A router whose status or sessions changed: the <c>GET /api/v1/routers</c> item.</summary>
    /// <param name="summary">The router now.</param>
    /// <param name="at">When it changed.</param>
    /// <returns>The event.</returns>
    public static NetOpsEvent Router(RouterSummary summary, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new NetOpsEvent("router", summary.Id, at, JsonSerializer.Serialize(summary, s_json));
    }

    /// <summary>A session that changed state: the <c>GET /api/v1/routers/{id}/peers</c> item with its <c>router</c>.</summary>
    /// <param name="router">The router id.</param>
    /// <param name="peer">The session now.</param>
    /// <param name="at">When it changed.</param>
    /// <returns>The event.</returns>
    public static NetOpsEvent Peer(string router, PeerStatus peer, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var json = JsonSerializer.SerializeToNode(peer, s_json)!.AsObject();
        json.Insert(0, "router", JsonValue.Create(router));
        return new NetOpsEvent("peer", $"{router}|{peer.PeerAddress}", at, json.ToJsonString(s_json));
    }
}
