using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrleansNetOps.Portal.Tests.Infrastructure;
using OrleansNetOps.Silo.Auth;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Portal.Tests.Portal;

/// <summary>
/// The decision half in the browser against the real silo: incidents opened by the incident side from analysts' findings,
/// actions proposed by the resolver and decided through the real API, the kill switch and the audit chain. Nothing is
/// answered inside the browser. The embedded default runs the demo (phase semi); the fibre-cut cycle is pushed out of the way.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class DecisionPortalTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private const string ViewerKey = "viewer-key-for-the-noc-wall-0002";
    private const string ApproverKey = "approver-key-for-the-duty-lead-02";
    private const string AdminKey = "admin-key-for-the-network-owner-02";
    private const float LongWait = 60_000;
    private PortalSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await PortalSilo.StartAsync(simulationStepSeconds: 3600, keys:
    [
        new ApiKeyConfig { Name = "noc-wall", Key = ViewerKey, Roles = [Role.Viewer] },
        new ApiKeyConfig { Name = "duty-lead", Key = ApproverKey, Roles = [Role.Approver] },
        new ApiKeyConfig { Name = "owner", Key = AdminKey, Roles = [Role.Admin] },
    ]);

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task An_incident_opened_by_the_demo_ramp_appears_without_a_reload_and_its_page_shows_the_evidence_timeline()
    {
        var page = await chromium.NewPageAsync(_silo.BaseAddress);
        await SignInAsync(page, ViewerKey);
        await page.GotoAsync("/#/incidents");
        await page.Locator("#inc-f [name=state]").SelectOptionAsync(string.Empty);
        await page.Locator("#inc-f button").ClickAsync();
        await Assertions.Expect(page.Locator("#inc")).ToContainTextAsync("No incident.");
        await Assertions.Expect(page.Locator("[data-testid=live]")).ToHaveTextAsync("live", new() { Timeout = LongWait });
        await page.EvaluateAsync("window.__sameDocument = true");

        await _silo.PublishAsync(RampCongestion.Findings(Topology, DateTimeOffset.UtcNow.AddMinutes(-10)));

        var row = page.Locator("#inc tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1, new() { Timeout = LongWait });
        await Assertions.Expect(row).ToContainTextAsync("R1");
        Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"), "the page was reloaded");
        await ChromiumFixture.ScreenshotAsync(page, "incidents-opened");

        await row.GetByRole(AriaRole.Link).ClickAsync();
        var timeline = page.Locator("[data-testid=timeline]");
        await Assertions.Expect(timeline.Locator("tbody tr", new() { HasText = "opened" }).First).ToContainTextAsync("Path through ISP-A degraded");
        await Assertions.Expect(timeline.Locator("tbody td:nth-child(2)", new() { HasTextRegex = FindingCell() }).First).ToBeVisibleAsync();
        await Assertions.Expect(timeline).Not.ToContainTextAsync("{\"");
        // The plan joins the timeline once the burst settles: the open page follows without a reload.
        await Assertions.Expect(timeline).ToContainTextAsync("plan", new() { Timeout = LongWait });
        await Assertions.Expect(page.Locator("#inc-body")).ToContainTextAsync("threshold", new() { IgnoreCase = true });
        await ChromiumFixture.ScreenshotAsync(page, "incident");
    }

    [Fact]
    public async Task An_approver_approves_the_waiting_shift_through_the_API_the_viewer_sees_it_move_and_has_no_button_and_is_refused()
    {
        var viewer = await chromium.NewPageAsync(_silo.BaseAddress);
        var approver = await chromium.NewPageAsync(_silo.BaseAddress);
        await SignInAsync(viewer, ViewerKey);
        await SignInAsync(approver, ApproverKey);
        await _silo.PublishAsync(RampCongestion.Findings(Topology, DateTimeOffset.UtcNow.AddMinutes(-10)));
        var waiting = await UntilAsync("/api/v1/actions?state=AWAITING_APPROVAL", a => a.GetArrayLength() == 1);
        var id = waiting[0].GetProperty("id").GetString()!;

        await viewer.GotoAsync("/#/approvals");
        await approver.GotoAsync("/#/approvals");
        var viewerCard = viewer.Locator($"[data-action=\"{id}\"]");
        var approverCard = approver.Locator($"[data-action=\"{id}\"]");
        await Assertions.Expect(viewerCard).ToContainTextAsync("on R1");
        await Assertions.Expect(viewerCard.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Assertions.Expect(approverCard.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToBeVisibleAsync();
        await Assertions.Expect(viewerCard.Locator("[data-testid=approval-progress]")).ToHaveTextAsync($"0/{waiting[0].GetProperty("requiredApprovals").GetInt32()}");
        await Assertions.Expect(viewer.Locator("[data-testid=live]")).ToHaveTextAsync("live", new() { Timeout = LongWait });
        await ChromiumFixture.ScreenshotAsync(approver, "approvals-approver");
        await ChromiumFixture.ScreenshotAsync(viewer, "approvals-viewer");

        using (var refused = await SendAsync(HttpMethod.Post, $"/api/v1/actions/{id}/approve", ViewerKey, new { comment = "not mine to give" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        await approverCard.Locator("[name=comment]").FillAsync("shift it off ISP-A");
        await approverCard.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(approverCard).Not.ToHaveAttributeAsync("data-state", "AWAITING_APPROVAL", new() { Timeout = LongWait });
        await Assertions.Expect(viewerCard).ToHaveAttributeAsync("data-state", Moved(), new() { Timeout = LongWait });
        await Assertions.Expect(viewerCard).ToContainTextAsync("duty-lead: approve");
        await Assertions.Expect(viewerCard.Locator("[data-testid=approval-progress]")).ToHaveTextAsync(OneApproval());
        await Assertions.Expect(approverCard.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToHaveCountAsync(0);
        var action = await UntilAsync($"/api/v1/actions/{id}", _ => true);
        Assert.Matches(Moved(), action.GetProperty("state").GetString());
        await ChromiumFixture.ScreenshotAsync(viewer, "approvals-approved");
    }

    [Fact]
    public async Task The_kill_switch_engaged_with_confirmation_shows_on_the_overview_is_audited_and_the_chain_verifies()
    {
        var page = await chromium.NewPageAsync(_silo.BaseAddress);
        await SignInAsync(page, AdminKey);
        await page.GotoAsync("/#/autonomy");
        var kill = page.Locator("#kill");
        await Assertions.Expect(kill).ToHaveAttributeAsync("data-engaged", "false");

        // Cancelling the confirmation changes nothing.
        await kill.ClickAsync();
        await page.Locator("#confirm").GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(kill).ToHaveAttributeAsync("data-engaged", "false");
        Assert.False((await UntilAsync("/api/v1/autonomy", _ => true)).GetProperty("killSwitch").GetBoolean());

        await kill.ClickAsync();
        await Assertions.Expect(page.Locator("#confirm-text")).ToContainTextAsync("Engage the kill switch?");
        await ChromiumFixture.ScreenshotAsync(page, "autonomy-confirm");
        await page.Locator("#confirm").GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(page.Locator("#kill")).ToHaveAttributeAsync("data-engaged", "true");
        Assert.True((await UntilAsync("/api/v1/autonomy", _ => true)).GetProperty("killSwitch").GetBoolean());

        await page.GotoAsync("/#/overview");
        await Assertions.Expect(page.Locator("#ov-autonomy")).ToContainTextAsync("ENGAGED");
        await ChromiumFixture.ScreenshotAsync(page, "overview-kill-switch");

        await page.GotoAsync("/#/audit");
        var entry = page.Locator("#au tbody tr", new() { HasText = "kill-switch" });
        await Assertions.Expect(entry).ToHaveCountAsync(1);
        await Assertions.Expect(entry).ToContainTextAsync("ENGAGED");
        await Assertions.Expect(entry).ToContainTextAsync("owner");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify chain" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=audit-valid]")).ToContainTextAsync("every hash matches");
        await Assertions.Expect(page.Locator("[data-testid=broken-entry]")).ToHaveCountAsync(0);
        await ChromiumFixture.ScreenshotAsync(page, "audit-verified");
    }

    [Fact]
    public async Task The_kill_switch_engaged_in_the_browser_halts_a_T1_change_before_it_reaches_the_router_and_releasing_it_lets_it_run()
    {
        var page = await chromium.NewPageAsync(_silo.BaseAddress);
        await SignInAsync(page, AdminKey);
        await page.GotoAsync("/#/autonomy");
        await page.Locator("#kill").ClickAsync();
        await page.Locator("#confirm").GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(page.Locator("#kill")).ToHaveAttributeAsync("data-engaged", "true");

        // R2's MED toward ISP-B is T1: in phase semi it would apply at once; the kill switch holds it before the driver.
        using var proposed = await SendAsync(HttpMethod.Post, "/api/v1/actions", AdminKey,
            new { router = "R2", action = "MED_ADJUST", @params = new { peer = "ISP-B", direction = "out", med = 50 }, reason = "kill switch check" });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var id = JsonDocument.Parse(await proposed.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        var held = await UntilAsync($"/api/v1/actions/{id}", a => a.GetProperty("waiting").GetString()?.Contains("kill switch", StringComparison.Ordinal) == true
            || a.GetProperty("state").GetString() is "BLOCKED" or "FAILED" or "REJECTED" or "COMPLETED" or "AWAITING_APPROVAL");
        Assert.True(held.GetProperty("state").GetString() == "EXECUTING", held.ToString());
        var row = page.Locator($"[data-inflight=\"{id}\"]");
        await Assertions.Expect(row).ToContainTextAsync("kill switch", new() { Timeout = LongWait });
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "EXECUTING");
        await ChromiumFixture.ScreenshotAsync(page, "autonomy-kill-switch-holding");
        using (var audit = await SendAsync(HttpMethod.Get, $"/api/v1/audit?actionId={id}", AdminKey))
        {
            var kinds = JsonDocument.Parse(await audit.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
            Assert.DoesNotContain("execution", kinds);
        }

        await page.Locator("#kill").ClickAsync();
        await Assertions.Expect(page.Locator("#confirm-text")).ToContainTextAsync("Release the kill switch?");
        await page.Locator("#confirm").GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(page.Locator("#kill")).ToHaveAttributeAsync("data-engaged", "false");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", AppliedOnce(), new() { Timeout = LongWait });
        var moved = await UntilAsync($"/api/v1/actions/{id}", a => AppliedOnce().IsMatch(a.GetProperty("state").GetString()!));
        Assert.Matches(AppliedOnce(), moved.GetProperty("state").GetString());
    }

    private NetworkTopology Topology => _silo.App.Services.GetRequiredService<NetworkTopology>();

    private static async Task SignInAsync(IPage page, string key)
    {
        await page.GotoAsync("/");
        await page.Locator("#apikey").FillAsync(key);
        await page.Locator("#apikey").PressAsync("Enter");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Overview");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string key, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await _silo.Client.SendAsync(request);
    }

    private async Task<JsonElement> UntilAsync(string path, Func<JsonElement, bool> done, double seconds = 60)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await SendAsync(HttpMethod.Get, path, ViewerKey);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if (done(body))
            {
                return body;
            }

            Assert.True(clock.Elapsed.TotalSeconds < seconds, $"GET {path} never got there: {body}");
            await Task.Delay(200);
        }
    }

    [GeneratedRegex("^1/")]
    private static partial Regex OneApproval();

    [GeneratedRegex("^finding$")]
    private static partial Regex FindingCell();

    [GeneratedRegex("^(EXECUTING|VALIDATING|COMPLETED)$")]
    private static partial Regex Moved();

    [GeneratedRegex("^(VALIDATING|COMPLETED)$")]
    private static partial Regex AppliedOnce();
}
