using System.Diagnostics;
using System.Text.Json;
using OrleansNetOps.Lab.Scenarios;

namespace OrleansNetOps.Integration.Tests;

/// <summary>
/// What the API says about the network equals what the FRR routers say about themselves: sessions, prefix counts,
/// Adj-RIB-In after policy and best paths, both address families.
/// </summary>
public sealed class NetworkStateAgainstFrrTests(LabWithSilo fixture) : IClassFixture<LabWithSilo>
{
    private static readonly string[] s_routers = ["R1", "R2", "R3", "R4", "R5"];

    [Fact]
    public async Task Within_30_seconds_every_router_and_session_is_seen_as_FRR_sees_it()
    {
        var clock = Stopwatch.StartNew();
        string? last = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            last = await SessionMismatch();
            if (last is null)
            {
                break;
            }

            await Task.Delay(250);
        }

        Assert.True(last is null, $"after {clock.Elapsed.TotalSeconds:0.0} s the API still differs from FRR: {last}");
        var routers = await fixture.GetJsonAsync("/api/v1/routers");
        foreach (var id in s_routers)
        {
            var router = routers.EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);
            Assert.Equal("bmp", router.GetProperty("source").GetString());
            Assert.Equal("up", router.GetProperty("status").GetString());
            Assert.Equal(fixture.Topology.Router(id)!.Hostname, router.GetProperty("hostname").GetString());
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Adj_rib_in_post_policy_and_best_paths_equal_FRR_on_every_router(bool ipv6)
    {
        var afi = ipv6 ? "ipv6" : "ipv4";
        var clock = Stopwatch.StartNew();
        var mismatches = new List<string>();
        do
        {
            mismatches.Clear();
            foreach (var router in s_routers)
            {
                var frr = FrrView.FrrPaths(await fixture.Lab.TableJsonAsync(router, ipv6));
                var api = FrrView.ApiPaths(await fixture.GetJsonAsync($"/api/v1/routers/{router}/rib?afi={afi}&view=adj-in-post"));
                Assert.NotEmpty(frr);
                if (!frr.SetEquals(api))
                {
                    mismatches.Add($"{router} {afi}:\n{FrrView.Diff(frr, api)}");
                }
            }

            if (mismatches.Count == 0)
            {
                return;
            }

            await Task.Delay(500);
        }
        while (clock.Elapsed < TimeSpan.FromSeconds(30));

        Assert.Fail(string.Join("\n", mismatches));
    }

    [Fact]
    public async Task A_shut_session_shows_down_with_its_reason_within_2_seconds_of_the_peer_down_and_its_routes_are_gone()
    {
        await WaitFor(async () => await SessionMismatch() is null, TimeSpan.FromSeconds(30), "sessions never matched FRR");
        await fixture.Lab.ApplyAsync(new SetSessionEnabled("R1", "ISP-A", Enabled: false));
        try
        {
            JsonElement peer = default;
            await WaitFor(async () =>
            {
                peer = (await fixture.GetJsonAsync("/api/v1/routers/R1/peers")).EnumerateArray()
                    .Single(p => p.GetProperty("peerAddress").GetString() == "203.0.113.2");
                return peer.GetProperty("state").GetString() == "down";
            }, TimeSpan.FromSeconds(10), "R1's session to ISP-A never showed down");
            var seenAt = DateTimeOffset.UtcNow;
            var downAt = peer.GetProperty("lastDownAt").GetDateTimeOffset();
            Assert.True(seenAt - downAt <= TimeSpan.FromSeconds(2), $"shown {seenAt - downAt} after the Peer Down arrived");
            Assert.Contains("NOTIFICATION", peer.GetProperty("lastDownReason").GetString(), StringComparison.Ordinal);
            Assert.True(peer.GetProperty("flapCount").GetInt32() >= 1);
            var routes = await fixture.GetJsonAsync("/api/v1/routers/R1/rib?afi=ipv4&view=adj-in-post&peer=203.0.113.2");
            Assert.Equal(0, routes.GetProperty("routes").GetArrayLength());
        }
        finally
        {
            await fixture.Lab.ApplyAsync(new SetSessionEnabled("R1", "ISP-A", Enabled: true));
            await fixture.Lab.WaitUntilConvergedAsync(TimeSpan.FromSeconds(60));
        }
    }

    private async Task<string?> SessionMismatch()
    {
        foreach (var router in s_routers)
        {
            var frr = await fixture.Lab.SessionsAsync(router);
            JsonElement peers;
            try
            {
                peers = await fixture.GetJsonAsync($"/api/v1/routers/{router}/peers");
            }
            catch (Xunit.Sdk.TrueException error)
            {
                return error.Message;
            }

            foreach (var session in frr)
            {
                var api = peers.EnumerateArray().FirstOrDefault(p => p.GetProperty("peerAddress").GetString() == session.NeighborAddress);
                if (api.ValueKind == JsonValueKind.Undefined)
                {
                    return $"{router}: no session {session.NeighborAddress} in the API";
                }

                var state = api.GetProperty("state").GetString();
                if ((state == "established") != session.IsEstablished)
                {
                    return $"{router} {session.NeighborAddress}: FRR {session.State}, API {state}";
                }

                var frrPrefixes = (session.Ipv4PrefixesReceived ?? 0) + (session.Ipv6PrefixesReceived ?? 0);
                var apiPrefixes = api.GetProperty("prefixesReceived").GetInt32();
                if (frrPrefixes != apiPrefixes)
                {
                    return $"{router} {session.NeighborAddress}: FRR {frrPrefixes} prefixes received, API {apiPrefixes}";
                }
            }
        }

        return null;
    }

    private static async Task WaitFor(Func<Task<bool>> condition, TimeSpan timeout, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < timeout, failure);
            await Task.Delay(50);
        }
    }
}
