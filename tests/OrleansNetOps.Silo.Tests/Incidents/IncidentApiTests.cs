using System.Collections.Immutable;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using OrleansNetOps.Analytics.Bgp;
using OrleansNetOps.Analytics.Correlation;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Bgp.Monitoring;
using OrleansNetOps.Drivers.Simulated;
using OrleansNetOps.Grains.Events;
using OrleansNetOps.Silo.Auth;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Silo.Simulation;
using OrleansNetOps.Silo.Tests.Infrastructure;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Silo.Tests.Incidents;

public sealed class IncidentApiTests
{
    private const string Viewer = "vera-key-0123456789a";
    private const string Operator = "olga-key-01234567890";
    private const string Approver = "bob-key-0123456789ab";
    private static readonly DateTimeOffset s_cut = new(2026, 3, 14, 9, 26, 53, TimeSpan.Zero);

    private static readonly ApiKeyConfig[] s_keys =
    [
        new() { Name = "vera", Key = Viewer, Roles = [Role.Viewer] },
        new() { Name = "olga", Key = Operator, Roles = [Role.Operator] },
        new() { Name = "bob", Key = Approver, Roles = [Role.Approver] },
    ];

    private static Task<TestSilo> SiloAsync() => TestSilo.StartAsync(TestSilo.MemoryConfig(AuthMode.ApiKey, s_keys));

    // The embedded default's shape: the simulated network (its fibre-cut cycle pushed out of the test's way) with the demo on.
    private static Task<TestSilo> DemoSiloAsync() => TestSilo.StartAsync(TestSilo.MemoryConfig(AuthMode.ApiKey, s_keys) with
    {
        Network = new NetworkConfig { Simulated = true, SimulationStepSeconds = 3600, Demo = true },
    });

    // The cut of R1–ISP-A as two analysts see it: the linkDown trap on the interface, then the session detector's
    // Peer Down (both point at the link R1~ISP-A).
    private static ImmutableArray<Finding> CutOfR1IspA(NetworkTopology topology) => CutOf(topology, "R1", "ISP-A", "203.0.113.2");

    private static ImmutableArray<Finding> CutOf(NetworkTopology topology, string router, string isp, string neighbor)
    {
        var detector = new SessionFlapDetector(topology: topology);
        var up = detector.Observe(null, new SessionChange(s_cut.AddHours(-1), router, neighbor, SessionState.OpenConfirm, SessionState.Established, null, "bmp"));
        var down = detector.Observe(up.History, new SessionChange(s_cut.AddSeconds(9), router, neighbor, SessionState.Established, SessionState.Down,
            "local close without NOTIFICATION (FSM event 0)", "bmp")).Findings;
        var subject = Subjects.Interface(router, "to-" + isp);
        var linkDown = new Finding
        {
            Id = FindingId.Create(FindingKind.LinkDown, subject, s_cut),
            At = s_cut,
            Router = router,
            Kind = FindingKind.LinkDown,
            Score = 1,
            Summary = $"{router} interface to-{isp} went down",
            Subject = subject,
            Evidence = [new Evidence(s_cut, "trap", $"linkDown (1.3.6.1.6.3.1.1.5.3) from {router.ToLowerInvariant()}: ifIndex.3 = 3, ifOperStatus.3 = down(2), ifDescr.3 = to-" + isp)],
        };
        return [linkDown, .. down];
    }

    private static Task PublishAsync(TestSilo silo, Finding finding) =>
        silo.App.Services.GetRequiredService<IClusterClient>().GetStreamProvider(NetOpsStreams.Provider)
            .GetStream<Finding>(NetOpsStreams.Findings()).OnNextAsync(finding);

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(TestSilo silo, HttpMethod method, string path, string key, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await silo.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static async Task<JsonElement> UntilAsync(TestSilo silo, string path, Func<JsonElement, bool> done, double seconds = 20)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (status, body) = await SendAsync(silo, HttpMethod.Get, path, Viewer);
            Assert.Equal(HttpStatusCode.OK, status);
            if (done(body))
            {
                return body;
            }

            Assert.True(clock.Elapsed.TotalSeconds < seconds, $"GET {path} never got there: {body}; warnings: "
                + string.Join(" | ", silo.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).Select(e => $"{e.Category}: {e.Message}")));
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task A_finding_opens_an_incident_and_a_second_of_the_same_cause_joins_it()
    {
        await using var silo = await SiloAsync();
        var findings = CutOfR1IspA(silo.App.Services.GetRequiredService<NetworkTopology>());
        Assert.True(findings.Length >= 2, $"the session detector gave {findings.Length} findings");

        await PublishAsync(silo, findings[0]);
        var list = await UntilAsync(silo, "/api/v1/incidents", l => l.GetArrayLength() == 1);
        var id = list[0].GetProperty("id").GetString()!;
        Assert.StartsWith("inc-", id, StringComparison.Ordinal);
        Assert.Contains("R1", list[0].GetProperty("routers").EnumerateArray().Select(r => r.GetString()));
        var state = list[0].GetProperty("state").GetString()!;
        var filtered = await UntilAsync(silo, "/api/v1/incidents?state=closed", _ => true);
        Assert.Equal(0, filtered.GetArrayLength());
        Assert.Contains(state, new[] { "open", "mitigating" });

        await PublishAsync(silo, findings[1]);
        var incident = await UntilAsync(silo, "/api/v1/incidents/" + id, i => i.GetProperty("rootCause").GetProperty("evidence").GetArrayLength() == 2);
        var all = await UntilAsync(silo, "/api/v1/incidents", _ => true);
        Assert.Equal(1, all.GetArrayLength());
        Assert.Equal("link:R1~ISP-A", incident.GetProperty("rootCause").GetProperty("subject").GetString());
        Assert.Equal([FindingKinds.Name(FindingKind.LinkDown), FindingKinds.Name(findings[1].Kind)], incident.GetProperty("rootCause").GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal("major", incident.GetProperty("severity").GetString());
        Assert.Contains(incident.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "finding");
    }

    [Fact]
    public async Task A_finding_of_the_same_cause_after_the_correlation_window_joins_the_incident_still_open_and_one_of_another_cause_opens_its_own()
    {
        await using var silo = await SiloAsync();
        var topology = silo.App.Services.GetRequiredService<NetworkTopology>();
        var first = CutOfR1IspA(topology)[0];
        await PublishAsync(silo, first);
        var list = await UntilAsync(silo, "/api/v1/incidents", l => l.GetArrayLength() == 1);
        var id = list[0].GetProperty("id").GetString()!;

        // The same interface goes down again twenty minutes later: past the correlator's five-minute window, so a new
        // candidate, but the incident it explains is still open.
        var later = s_cut.AddMinutes(20);
        var again = first with { Id = FindingId.Create(FindingKind.LinkDown, first.Subject, later), At = later };
        await PublishAsync(silo, again);
        var incident = await UntilAsync(silo, "/api/v1/incidents/" + id, i => i.GetProperty("rootCause").GetProperty("evidence").GetArrayLength() == 2);
        Assert.Equal([first.Id, again.Id], incident.GetProperty("rootCause").GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("findingId").GetString()));

        // Another cause at the same time opens its own incident.
        var other = CutOf(topology, "R2", "ISP-B", "203.0.113.10")[0] with { At = later.AddSeconds(1) };
        await PublishAsync(silo, other with { Id = FindingId.Create(FindingKind.LinkDown, other.Subject, other.At) });
        var all = await UntilAsync(silo, "/api/v1/incidents", l => l.GetArrayLength() == 2);
        Assert.Single(all.EnumerateArray(), i => i.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task Acknowledging_needs_an_operator_and_happens_once()
    {
        await using var silo = await SiloAsync();
        await PublishAsync(silo, CutOfR1IspA(silo.App.Services.GetRequiredService<NetworkTopology>())[0]);
        var list = await UntilAsync(silo, "/api/v1/incidents", l => l.GetArrayLength() == 1);
        var id = list[0].GetProperty("id").GetString()!;

        var (denied, problem) = await SendAsync(silo, HttpMethod.Post, $"/api/v1/incidents/{id}/ack", Viewer, new { comment = "mine" });
        Assert.Equal(HttpStatusCode.Forbidden, denied);
        Assert.Equal(403, problem.GetProperty("status").GetInt32());

        var (missing, notFound) = await SendAsync(silo, HttpMethod.Post, "/api/v1/incidents/inc-0000000000000000/ack", Operator);
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Contains("inc-0000000000000000", notFound.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var (badState, bad) = await SendAsync(silo, HttpMethod.Get, "/api/v1/incidents?state=sleeping", Viewer);
        Assert.Equal(HttpStatusCode.BadRequest, badState);
        Assert.Contains("sleeping", bad.GetProperty("errors").GetProperty("state")[0].GetString(), StringComparison.Ordinal);

        // Its agent may already be mitigating: the ack records the operator either way, and never steps the state back.
        var (status, body) = await SendAsync(silo, HttpMethod.Post, $"/api/v1/incidents/{id}/ack", Operator, new { comment = "on it" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("olga", body.GetProperty("acknowledgedBy").GetString());
        Assert.Contains(body.GetProperty("state").GetString(), new[] { "acknowledged", "mitigating" });
        Assert.Contains(body.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("actor").GetString() == "olga"
            && e.GetProperty("text").GetString()!.Contains("on it", StringComparison.Ordinal));

        var (again, _) = await SendAsync(silo, HttpMethod.Post, $"/api/v1/incidents/{id}/ack", Operator);
        Assert.Equal(HttpStatusCode.Conflict, again);
    }

    [Fact]
    public async Task The_incident_proposes_one_planned_action_that_the_actions_api_shows()
    {
        await using var silo = await SiloAsync();
        foreach (var finding in CutOfR1IspA(silo.App.Services.GetRequiredService<NetworkTopology>()))
        {
            await PublishAsync(silo, finding);
        }

        var list = await UntilAsync(silo, "/api/v1/incidents", l => l.GetArrayLength() == 1 && l[0].GetProperty("actionIds").GetArrayLength() == 1);
        var incident = list[0];
        var id = incident.GetProperty("id").GetString()!;
        var actionId = incident.GetProperty("actionIds")[0].GetString()!;

        var action = await UntilAsync(silo, "/api/v1/actions/" + actionId, _ => true);
        Assert.Equal(id, action.GetProperty("incidentId").GetString());
        Assert.Equal("R1", action.GetProperty("router").GetString());
        var actions = await UntilAsync(silo, "/api/v1/actions", _ => true);
        Assert.Equal([actionId], actions.EnumerateArray().Select(a => a.GetProperty("id").GetString()));

        var detail = await UntilAsync(silo, "/api/v1/incidents/" + id, i => i.GetProperty("state").GetString() == "mitigating");
        Assert.Contains(detail.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "plan"
            && e.GetProperty("text").GetString()!.Contains("chose", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Closed_loop_on_the_demo_incidents_propose_through_the_resolver_changes_wait_for_approval_and_an_approved_shift_reaches_the_simulated_routers()
    {
        await using var silo = await DemoSiloAsync();
        var topology = silo.App.Services.GetRequiredService<NetworkTopology>();
        var (isp, router) = SimulatedTrafficRamp.Target(topology)!.Value;
        var autonomy = await UntilAsync(silo, "/api/v1/autonomy", a => a.GetProperty("phase").GetString() == "semi");
        Assert.False(autonomy.GetProperty("killSwitch").GetBoolean());

        var events = new List<NetOpsEvent>();
        var feed = await silo.App.Services.GetRequiredService<IClusterClient>().GetStreamProvider(NetOpsStreams.Provider)
            .GetStream<NetOpsEvent>(NetOpsStreams.Events()).SubscribeAsync((e, _) =>
            {
                lock (events)
                {
                    events.Add(e);
                }

                return Task.CompletedTask;
            });

        // The ramp's congestion: the incident proposes the planner's choice, which governance does not let run alone.
        foreach (var finding in RampFindings.UntilBreach(topology, DateTimeOffset.UtcNow.AddMinutes(-10)))
        {
            await PublishAsync(silo, finding);
        }

        var list = await UntilAsync(silo, "/api/v1/incidents", l => l.GetArrayLength() == 1 && l[0].GetProperty("actionIds").GetArrayLength() == 1, 30);
        var congestion = list[0].GetProperty("id").GetString()!;
        Assert.Equal("congestion", list[0].GetProperty("rootCause").GetProperty("fault").GetString(), StringComparer.OrdinalIgnoreCase);
        var shiftId = list[0].GetProperty("actionIds")[0].GetString()!;
        var shift = await UntilAsync(silo, "/api/v1/actions/" + shiftId, a => Settled(a), 30);
        Assert.True(shift.GetProperty("state").GetString() == "AWAITING_APPROVAL", shift.ToString());
        Assert.Contains(shift.GetProperty("tier").GetString(), new[] { "T2", "T3" });
        Assert.Equal(congestion, shift.GetProperty("incidentId").GetString());
        Assert.Equal("incident:" + congestion, shift.GetProperty("idempotencyKey").GetString());
        Assert.Equal(router, shift.GetProperty("router").GetString());
        Assert.Equal(isp, shift.GetProperty("params").GetProperty("peer").GetString());

        // The simulator's own fibre cut: a second incident, whose confirm-the-failover step is decided on the cut's evidence.
        var cutLink = topology.Links.Last(l => l.Kind == SessionKind.Ebgp);
        var cutIsp = topology.Isp(cutLink.A) is not null ? cutLink.A : cutLink.B;
        var cutRouter = cutLink.Other(cutIsp);
        var neighbor = (cutLink.A == cutIsp ? cutLink.AAddress : cutLink.BAddress).ToString();
        foreach (var finding in CutOf(topology, cutRouter, cutIsp, neighbor))
        {
            await PublishAsync(silo, finding);
        }

        var both = await UntilAsync(silo, "/api/v1/incidents", l => l.GetArrayLength() == 2 && l[0].GetProperty("actionIds").GetArrayLength() == 1, 30);
        var cut = both[0].GetProperty("id").GetString()!;
        Assert.NotEqual(congestion, cut);
        var confirmId = both[0].GetProperty("actionIds")[0].GetString()!;
        var confirm = await UntilAsync(silo, "/api/v1/actions/" + confirmId, a => Settled(a), 30);
        Assert.Equal(cut, confirm.GetProperty("incidentId").GetString());
        Assert.Equal(cutRouter, confirm.GetProperty("router").GetString());

        // The plan waited for the burst to settle: it was made on both findings (trap and Peer Down), not the first.
        var cutDetail = await UntilAsync(silo, "/api/v1/incidents/" + cut, _ => true);
        var kinds = cutDetail.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.True(kinds.LastIndexOf("finding") < kinds.IndexOf("plan"), cutDetail.ToString());
        var tier = confirm.GetProperty("tier").GetString();
        Assert.True(tier == "T1" ? confirm.GetProperty("state").GetString() == "COMPLETED" : confirm.GetProperty("state").GetString() == "AWAITING_APPROVAL", confirm.ToString());

        // The same incident never proposes twice: a repeated finding joins it, the action list keeps one per incident.
        await PublishAsync(silo, RampFindings.UntilBreach(topology, DateTimeOffset.UtcNow.AddMinutes(-9))[^1]);
        var actions = await UntilAsync(silo, "/api/v1/actions", _ => true);
        Assert.Equal(2, actions.GetArrayLength());
        Assert.Equal(tier == "T1" ? 1 : 2, (await UntilAsync(silo, "/api/v1/actions?state=AWAITING_APPROVAL", _ => true)).GetArrayLength());

        // An approver lets the shift run: the simulated routers take it and the ramp's traffic leaves the ISP.
        var (approved, _) = await SendAsync(silo, HttpMethod.Post, $"/api/v1/actions/{shiftId}/approve", Approver, new { comment = "go" });
        Assert.Equal(HttpStatusCode.OK, approved);
        // Applied through the simulated driver; verification then judges it on the probe windows (minutes, not this test).
        var done = await UntilAsync(silo, "/api/v1/actions/" + shiftId, a => a.GetProperty("state").GetString() is "VALIDATING" or "COMPLETED" or "FAILED" or "ROLLED_BACK", 30);
        Assert.True(done.GetProperty("state").GetString() is "VALIDATING" or "COMPLETED", done.ToString());
        Assert.True(done.GetProperty("execution").GetProperty("readBackConfirmed").GetBoolean(), done.ToString());
        Assert.Contains(silo.App.Services.GetRequiredService<SimulatedPolicy>().All.Values.SelectMany(lines => lines).Select(SimulatedPolicy.Parse),
            p => p.Action is "LOCAL_PREF_ADJUST" or "AS_PATH_PREPEND" && p.Parameters.Peer == isp);

        // The live feed carried both incidents in their REST shape.
        await UntilAsync(silo, "/api/v1/incidents/" + congestion, i => i.GetProperty("state").GetString() == "mitigating");
        await feed.UnsubscribeAsync();
        NetOpsEvent[] incidents;
        lock (events)
        {
            incidents = [.. events.Where(e => e.Kind == "incident")];
        }

        Assert.Contains(incidents, e => e.Id == congestion && JsonDocument.Parse(e.Json).RootElement.GetProperty("state").GetString() == "mitigating");
        Assert.Contains(incidents, e => e.Id == cut);
        Assert.All(incidents, e => Assert.Equal(e.Id, JsonDocument.Parse(e.Json).RootElement.GetProperty("id").GetString()));
        Assert.All(incidents, e => Assert.True(JsonDocument.Parse(e.Json).RootElement.TryGetProperty("rootCause", out _), e.Json));
    }

    private static bool Settled(JsonElement action) =>
        action.GetProperty("state").GetString() is "COMPLETED" or "FAILED" or "ROLLED_BACK" or "BLOCKED" or "REJECTED" or "AWAITING_APPROVAL";
}
