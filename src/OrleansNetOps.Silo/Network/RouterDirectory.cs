using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrleansNetOps.Grains.Network;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Silo.Network;

/// <summary>
/// Which router ids the API knows: those in <c>topology.yaml</c> and those heard from over BMP. Every endpoint under
/// <c>/routers/{id}</c> answers an unknown id with the same 404.
/// </summary>
internal static class RouterDirectory
{
    /// <summary>Topology routers first (in file order), then routers heard over BMP only, by id.</summary>
    public static async Task<List<string>> KnownIdsAsync(IGrainFactory grains, NetworkTopology topology)
    {
        var heard = await grains.GetGrain<INetworkGrain>("default").ListAsync();
        return [.. topology.Routers.Select(r => r.Id).Concat(heard.Keys.Where(k => topology.Router(k) is null).Order(StringComparer.Ordinal))];
    }

    /// <summary>Whether <paramref name="id"/> is a router the API knows.</summary>
    public static async Task<bool> ExistsAsync(string id, IGrainFactory grains, NetworkTopology topology) =>
        topology.Router(id) is not null || (await grains.GetGrain<INetworkGrain>("default").ListAsync()).ContainsKey(id);

    /// <summary>The 404 for an unknown router.</summary>
    public static NotFound<ProblemDetails> NotFound(string id) =>
        TypedResults.NotFound(new ProblemDetails
        {
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
            Title = "Not Found",
            Status = StatusCodes.Status404NotFound,
            Detail = $"No router '{id}': it is neither in topology.yaml nor heard from over BMP.",
        });
}
