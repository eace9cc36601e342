using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using OrleansNetOps.Grains.Twin;
using OrleansNetOps.Silo.Tests.Infrastructure;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Silo.Tests.Twin;

/// <summary>One what-if must never stall the twin: size limits, work off the grain's turn, cancellation reaching the engine.</summary>
public sealed class WhatIfFairnessTests
{
    // Generous for a shared 2-core machine: a small what-if on the seed network takes well under a millisecond of
    // engine time; before the fix, small what-ifs queued behind a large one for minutes.
    private static readonly TimeSpan s_smallBound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_20000_change_what_if_is_refused_with_413_and_a_maximum_one_finishes_while_20_small_what_ifs_all_return_in_time()
    {
        await using var silo = await TwinApiTests.SimulatedSiloAsync();
        await TwinApiTests.WaitForRoutersAsync(silo);
        using var client = new HttpClient { BaseAddress = silo.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        var huge = PostAsync(client, Changes(20_000));
        var largest = PostAsync(client, Changes(WhatIfLimits.MaxChanges));
        var small = Enumerable.Range(0, 20).Select(i => TimedAsync(client, i)).ToList();

        using var refused = await huge;
        var problem = await Json.ReadProblemAsync(refused, StatusCodes413);
        Assert.Contains("10000", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        foreach (var (status, elapsed, passed) in await Task.WhenAll(small))
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.True(passed);
            Assert.True(elapsed < s_smallBound, $"a small what-if took {elapsed.TotalSeconds:0.0} s");
        }

        using var done = await largest;
        // Within its bound: either it finished (200), or it was stopped at the bound (503) — never a 500 or a hang.
        Assert.True(done.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{done.StatusCode}: {await done.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_a_413_naming_the_limit()
    {
        await using var silo = await TwinApiTests.SimulatedSiloAsync();

        // Over a raw socket: the service answers as soon as it sees the declared length, before the body arrives, so an
        // HttpClient still sending would only see the connection close.
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(silo.BaseAddress.Host, silo.BaseAddress.Port);
        var stream = tcp.GetStream();
        var length = OrleansNetOps.Silo.Twin.TwinEndpoints.MaxWhatIfBodyBytes + 1;
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /api/v1/twin/whatif HTTP/1.1\r\nHost: {silo.BaseAddress.Authority}\r\nContent-Type: application/json\r\nContent-Length: {length}\r\n\r\n{{\"changes\":["));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = new StringBuilder();
        var buffer = new char[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        // The service closes the connection after its answer (the unread body would otherwise follow).
        int read;
        while ((read = await reader.ReadAsync(buffer, timeout.Token)) > 0)
        {
            response.Append(buffer, 0, read);
        }

        var text = response.ToString();
        Assert.StartsWith("HTTP/1.1 413", text, StringComparison.Ordinal);
        var body = text.IndexOf('{', text.IndexOf("\r\n\r\n", StringComparison.Ordinal));
        var problem = JsonDocument.Parse(text[body..(text.LastIndexOf('}') + 1)]).RootElement;
        Assert.Contains("8388608 bytes", problem.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_reaches_the_engine_and_the_twin_keeps_serving()
    {
        await using var silo = await TwinApiTests.SimulatedSiloAsync();
        await TwinApiTests.WaitForRoutersAsync(silo);
        var twin = silo.Grains.GetGrain<INetworkTwinGrain>("default");
        var request = WhatIfRequest.FromJson(JsonDocument.Parse(Changes(WhatIfLimits.MaxChanges)).RootElement, out var errors);
        Assert.Empty(errors);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => twin.WhatIfAsync(request, TwinContext.None, cancelled.Token));

        using var soon = new CancellationTokenSource(TimeSpan.FromMilliseconds(1));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => twin.WhatIfAsync(request, TwinContext.None, soon.Token));
        Assert.True(watch.Elapsed < s_smallBound);

        var small = WhatIfRequest.FromJson(JsonDocument.Parse(Changes(1)).RootElement, out _);
        Assert.True((await twin.WhatIfAsync(small, TwinContext.None)).Passed);
    }

    private const int StatusCodes413 = 413;

    private static string Changes(int count)
    {
        var peers = new[] { ("R1", "ISP-A"), ("R1", "ISP-B"), ("R2", "ISP-B"), ("R2", "ISP-C") };
        var builder = new StringBuilder("{\"changes\":[");
        for (var i = 0; i < count; i++)
        {
            var (router, peer) = peers[i % peers.Length];
            builder.Append(i == 0 ? "" : ",")
                .Append("{\"router\":\"").Append(router).Append("\",\"action\":\"LOCAL_PREF_ADJUST\",\"params\":{\"peer\":\"").Append(peer)
                .Append("\",\"direction\":\"in\",\"localPref\":").Append(100 + (i % 150)).Append("}}");
        }

        return builder.Append("]}").ToString();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await client.PostAsync("/api/v1/twin/whatif", content);
    }

    private static async Task<(HttpStatusCode Status, TimeSpan Elapsed, bool Passed)> TimedAsync(HttpClient client, int i)
    {
        var watch = Stopwatch.StartNew();
        using var response = await PostAsync(client, i % 2 == 0
            ? """{"changes":[{"router":"R1","action":"NO_ACTION","params":{}}]}"""
            : $$$"""{"changes":[{"router":"R2","action":"LOCAL_PREF_ADJUST","params":{"peer":"ISP-B","direction":"in","localPref":{{{150 + i}}}}}]}""");
        var elapsed = watch.Elapsed;
        var passed = response.IsSuccessStatusCode && (await Json.ReadAsync(response)).GetProperty("passed").GetBoolean();
        return (response.StatusCode, elapsed, passed);
    }
}
