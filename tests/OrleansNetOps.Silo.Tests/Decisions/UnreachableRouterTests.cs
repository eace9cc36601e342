using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using OrleansNetOps.Silo.Network;
using OrleansNetOps.Topology;
using static OrleansNetOps.Silo.Tests.Decisions.DecisionApiTests;

namespace OrleansNetOps.Silo.Tests.Decisions;

/// <summary>
/// A router the resolver cannot reach: R2 is a dry-run router read over OpenSSH's client from a loopback port nothing
/// listens on. Its action tries the snapshot a bounded number of times with backoff, then fails with ssh's own error in
/// the action and the audit; nothing was sent, so nothing is rolled back.
/// </summary>
public sealed class UnreachableRouterTests
{
    [Fact]
    public async Task An_action_on_a_router_that_cannot_be_reached_fails_after_bounded_retries_with_the_drivers_error()
    {
        var embedded = TopologyFiles.LoadEmbedded();
        var unreachable = new RouterDriver(RouterDriverKind.DryRun, null, new SshAccess("127.0.0.1", ClosedLoopbackPort(), "netops", "/nonexistent/netops-key", "/nonexistent/known_hosts"));
        var topology = embedded with { Routers = [.. embedded.Routers.Select(r => r.Id == "R2" ? r with { Driver = unreachable } : r)] };
        await using var silo = await SiloAsync(TimeSpan.Zero, TimeSpan.FromSeconds(1), topology: topology);
        await SendAsync(silo, HttpMethod.Put, "/api/v1/autonomy", "alice-key-0123456789", new { phase = "semi" });

        var clock = Stopwatch.StartNew();
        var id = (await SendAsync(silo, HttpMethod.Post, "/api/v1/actions", "olga-key-01234567890", HarmlessChange, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var action = await UntilAsync(silo, id, a => State(a) is "FAILED" or "COMPLETED" or "ROLLED_BACK" or "BLOCKED", 60);
        var elapsed = clock.Elapsed;

        Assert.Equal("FAILED", State(action));
        var reason = action.GetProperty("checkpoints").EnumerateArray().Last().GetProperty("reason").GetString()!;
        Assert.StartsWith("the snapshot failed after 4 attempt(s): R2: ssh failed: ", reason, StringComparison.Ordinal);
        Assert.Contains("Connection refused", reason, StringComparison.Ordinal);
        Assert.EndsWith("no change was made, nothing to roll back", reason, StringComparison.Ordinal);
        Assert.True(action.GetProperty("waiting").ValueKind == System.Text.Json.JsonValueKind.Null, action.ToString());

        // Three waits of 1, 2 and 4 s between the four attempts: bounded, not immediate, not forever.
        Assert.InRange(elapsed, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(60));

        var audit = (await SendAsync(silo, HttpMethod.Get, "/api/v1/audit", "bob-key-0123456789ab")).EnumerateArray()
            .Where(e => e.GetProperty("actionId").GetString() == id).ToList();
        Assert.Equal(["proposal", "decision", "execution"], audit.Select(e => e.GetProperty("kind").GetString()!));
        var execution = audit[^1].GetProperty("detail");
        Assert.Equal(("FAILED", 4, false), (execution.GetProperty("outcome").GetString(), execution.GetProperty("attempts").GetInt32(), execution.GetProperty("changeMade").GetBoolean()));
        Assert.Contains("Connection refused", execution.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(execution.GetProperty("sent").EnumerateArray());
        Assert.DoesNotContain(audit, e => e.GetProperty("kind").GetString() == "rollback");
        Assert.True((await SendAsync(silo, HttpMethod.Get, "/api/v1/audit/verify", "bob-key-0123456789ab")).GetProperty("valid").GetBoolean());
        Assert.Equal(0, Applies(silo));
    }

    // A port that was free a moment ago: ssh's connection to it is refused.
    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
