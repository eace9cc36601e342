using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansNetOps.Grains.Events;
using OrleansNetOps.Portal.Tests.Infrastructure;
using OrleansNetOps.Silo.Auth;
using OrleansNetOps.Silo.Configuration;

namespace OrleansNetOps.Portal.Tests.Events;

public sealed class LiveFeedTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Events_published_on_the_stream_arrive_with_ids_and_Last_Event_ID_replays_exactly_what_was_missed()
    {
        await using var silo = await PortalSilo.StartAsync(simulationStepSeconds: 0);
        var at = DateTimeOffset.UtcNow;

        string firstId;
        await using (var first = await SseClient.ConnectAsync(silo.Client))
        {
            Assert.Equal("text/event-stream", first.MediaType);
            var ready = await first.NextAsync(s_wait);
            Assert.Equal("ready", ready.EventType);
            await silo.PublishAsync(new NetOpsEvent("incident", "INC-1", at, """{"id":"INC-1","state":"open"}"""));
            var incident = await first.NextAsync(s_wait);
            Assert.Equal("incident", incident.EventType);
            Assert.Equal("""{"id":"INC-1","state":"open"}""", incident.Data);
            Assert.False(string.IsNullOrEmpty(incident.EventId));
            firstId = incident.EventId!;
        }

        // Missed while disconnected: three events, then a reconnect with the last id seen.
        for (var i = 2; i <= 4; i++)
        {
            await silo.PublishAsync(new NetOpsEvent("action", $"A-{i}", at, $$"""{"id":"A-{{i}}"}"""));
        }

        await WaitForFeed(silo, 4);
        await using var resumed = await SseClient.ConnectAsync(silo.Client, lastEventId: firstId);
        var notice = JsonDocument.Parse((await resumed.NextAsync(s_wait)).Data).RootElement;
        Assert.True(notice.GetProperty("resumed").GetBoolean());
        Assert.Equal(3, notice.GetProperty("replayed").GetInt32());
        var replayed = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var item = await resumed.NextAsync(s_wait);
            Assert.Equal("action", item.EventType);
            replayed.Add(item.Data);
        }

        Assert.Equal(["""{"id":"A-2"}""", """{"id":"A-3"}""", """{"id":"A-4"}"""], replayed);

        // And it stays live after the replay.
        await silo.PublishAsync(new NetOpsEvent("audit", "5", at, """{"seq":5}"""));
        Assert.Equal("""{"seq":5}""", (await resumed.NextAsync(s_wait)).Data);
    }

    [Fact]
    public async Task An_id_the_silo_cannot_continue_says_reload_and_kinds_filter_the_stream()
    {
        await using var silo = await PortalSilo.StartAsync(simulationStepSeconds: 0);
        await using var stale = await SseClient.ConnectAsync(silo.Client, "/api/v1/events?kinds=metric", lastEventId: "18c0ffee-42");
        var notice = JsonDocument.Parse((await stale.NextAsync(s_wait)).Data).RootElement;
        Assert.False(notice.GetProperty("resumed").GetBoolean());

        await silo.PublishAsync(new NetOpsEvent("incident", "INC-9", DateTimeOffset.UtcNow, "{}"));
        using var ingest = await silo.Client.PostAsJsonAsync("/api/v1/telemetry/metrics", new[]
        {
            new { router = "R1", path = "/system/cpu/utilization", value = 41.5 },
            new { router = "R1", path = "/system/cpu/utilization", value = 42.5 },
        });
        Assert.Equal(HttpStatusCode.Accepted, ingest.StatusCode);
        var metric = await stale.NextAsync(s_wait);
        Assert.Equal("metric", metric.EventType);
        var body = JsonDocument.Parse(metric.Data).RootElement;
        Assert.Equal("R1", body.GetProperty("router").GetString());
        Assert.Equal(42.5, body.GetProperty("v").GetDouble());

        using var bad = await silo.Client.GetAsync("/api/v1/events?kinds=router,weather");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("weather", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_simulated_fibre_cut_arrives_as_peer_and_router_events()
    {
        await using var silo = await PortalSilo.StartAsync(simulationStepSeconds: 2);
        await using var feed = await SseClient.ConnectAsync(silo.Client, "/api/v1/events?kinds=peer,router");
        var down = await feed.UntilAsync(e => e.EventType == "peer" && e.Data.Contains("\"state\":\"down\"", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var peer = JsonDocument.Parse(down.Data).RootElement;
        Assert.Equal("R2", peer.GetProperty("router").GetString());
        Assert.Equal("ISP-C", peer.GetProperty("peerName").GetString());
        Assert.Equal("R2|203.0.113.14", peer.GetProperty("router").GetString() + "|" + peer.GetProperty("peerAddress").GetString());
        var router = await feed.UntilAsync(e => e.EventType == "router" && e.Data.Contains("\"id\":\"R2\"", StringComparison.Ordinal), s_wait);
        Assert.Equal("degraded", JsonDocument.Parse(router.Data).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_feed_needs_a_key_like_the_rest_of_the_API()
    {
        await using var silo = await PortalSilo.StartAsync(simulationStepSeconds: 0,
            keys: [new ApiKeyConfig { Name = "wall", Key = "viewer-key-0123456789abcdef", Roles = [Role.Viewer] }]);
        using var anonymous = await silo.Client.SendAsync(silo.Get("/api/v1/events"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await using var viewer = await SseClient.ConnectAsync(silo.Client, key: "viewer-key-0123456789abcdef");
        Assert.Equal("ready", (await viewer.NextAsync(s_wait)).EventType);
    }

    private static async Task WaitForFeed(PortalSilo silo, long count)
    {
        var feed = (OrleansNetOps.Silo.Events.LiveEventFeed)silo.App.Services.GetService(typeof(OrleansNetOps.Silo.Events.LiveEventFeed))!;
        var deadline = DateTime.UtcNow + s_wait;
        while (feed.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the feed numbered {feed.Count} of {count} events");
            await Task.Delay(20);
        }
    }
}
