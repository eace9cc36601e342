using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansNetOps.Grains.Events;
using OrleansNetOps.Portal.Tests.Infrastructure;
using OrleansNetOps.Silo.Auth;
using OrleansNetOps.Silo.Configuration;

namespace OrleansNetOps.Portal.Tests.Portal;

/// <summary>Sign-in with API keys and what each role sees.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class RolePortalTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private const string ViewerKey = "viewer-key-for-the-noc-wall-0001";
    private const string ApproverKey = "approver-key-for-the-duty-lead-01";
    private PortalSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await PortalSilo.StartAsync(simulationStepSeconds: 0, keys:
    [
        new ApiKeyConfig { Name = "noc-wall", Key = ViewerKey, Roles = [Role.Viewer] },
        new ApiKeyConfig { Name = "duty-lead", Key = ApproverKey, Roles = [Role.Approver] },
    ]);

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task A_wrong_key_is_refused_and_a_good_one_signs_in_for_this_tab_only()
    {
        var page = await chromium.NewPageAsync(_silo.BaseAddress);
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#authoff")).ToBeHiddenAsync();
        await page.Locator("#apikey").FillAsync("not-a-key");
        await page.Locator("#apikey").PressAsync("Enter");
        await Assertions.Expect(page.Locator("main [role=alert]")).ToContainTextAsync("refused");
        await ChromiumFixture.ScreenshotAsync(page, "sign-in");

        await SignInAsync(page, ViewerKey);
        await Assertions.Expect(page.Locator("#whoami")).ToHaveTextAsync("noc-wall · viewer");
        Assert.Equal(ViewerKey, await page.EvaluateAsync<string>("sessionStorage.getItem('netops.apiKey')"));
        Assert.Null(await page.EvaluateAsync<string?>("localStorage.getItem('netops.apiKey')"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.Locator("#apikey")).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('netops.apiKey')"));
    }

    // The decision half (GET /api/v1/actions) is not in this build: the test answers that one endpoint itself with an
    // API.md-shaped action; everything else, the live feed included, is the real silo.
    [Fact]
    public async Task A_viewer_sees_no_approve_button_an_approver_does_and_both_see_the_action_change_live_with_actions_answered_by_the_test()
    {
        var action = new Dictionary<string, object?>
        {
            ["id"] = "ACT-7", ["incidentId"] = "INC-3", ["action"] = "LOCAL_PREF_ADJUST", ["router"] = "R1",
            ["params"] = new { peer = "ISP-A", direction = "in", localPref = 50 }, ["confidence"] = 0.82, ["tier"] = "T2", ["risk"] = "MEDIUM",
            ["state"] = "AWAITING_APPROVAL", ["violations"] = Array.Empty<string>(), ["approvals"] = Array.Empty<object>(), ["requiredApprovals"] = 2,
            ["rationale"] = "ISP-A loses packets", ["explanation"] = "Prefer ISP-B inbound", ["createdAt"] = "2026-01-01T00:00:00Z", ["updatedAt"] = "2026-01-01T00:00:00Z",
            ["whatIf"] = new { passed = true, simulationMs = 3.2, blastRadius = new { prefixShare = 0.25, trafficShare = 0.1, routers = new[] { "R1" } }, checks = new { }, changes = Array.Empty<object>() },
        };
        var viewer = await chromium.NewPageAsync(_silo.BaseAddress);
        var approver = await chromium.NewPageAsync(_silo.BaseAddress);
        foreach (var page in new[] { viewer, approver })
        {
            await page.Context.RouteAsync(AwaitingApproval(), route => route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 200, ContentType = "application/json", Body = JsonSerializer.Serialize(new[] { action }),
            }));
        }

        await SignInAsync(viewer, ViewerKey);
        await SignInAsync(approver, ApproverKey);
        await viewer.GotoAsync("/#/approvals");
        await approver.GotoAsync("/#/approvals");
        var viewerCard = viewer.Locator("[data-action=\"ACT-7\"]");
        var approverCard = approver.Locator("[data-action=\"ACT-7\"]");
        await Assertions.Expect(viewerCard).ToContainTextAsync("LOCAL_PREF_ADJUST on R1");
        await Assertions.Expect(approverCard.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToBeVisibleAsync();
        await Assertions.Expect(viewerCard.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Assertions.Expect(approverCard.Locator("[data-testid=approval-progress]")).ToHaveTextAsync("0/2");
        await ChromiumFixture.ScreenshotAsync(approver, "approvals-approver");
        await ChromiumFixture.ScreenshotAsync(viewer, "approvals-viewer");

        // The action moves on (as the decision side will publish it): both open pages follow through the real feed.
        await Assertions.Expect(viewer.Locator("[data-testid=live]")).ToHaveTextAsync("live");
        await Assertions.Expect(approver.Locator("[data-testid=live]")).ToHaveTextAsync("live");
        action["state"] = "EXECUTING";
        action["approvals"] = new[] { new { by = "duty-lead", verdict = "approve", at = "2026-01-01T00:01:00Z", comment = "ok" }, new { by = "second", verdict = "approve", at = "2026-01-01T00:02:00Z", comment = "" } };
        await _silo.PublishAsync(new NetOpsEvent("action", "ACT-7", DateTimeOffset.UtcNow, JsonSerializer.Serialize(action)));
        await Assertions.Expect(viewerCard).ToHaveAttributeAsync("data-state", "EXECUTING");
        await Assertions.Expect(approverCard).ToHaveAttributeAsync("data-state", "EXECUTING");
        await Assertions.Expect(approverCard.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToHaveCountAsync(0);
        await Assertions.Expect(approverCard.Locator("[data-testid=approval-progress]")).ToHaveTextAsync("2/2");
    }

    private static async Task SignInAsync(IPage page, string key)
    {
        if (page.Url == "about:blank")
        {
            await page.GotoAsync("/");
        }

        await page.Locator("#apikey").FillAsync(key);
        await page.Locator("#apikey").PressAsync("Enter");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Overview");
    }

    [GeneratedRegex(@"/api/v1/actions\?state=AWAITING_APPROVAL$")]
    private static partial Regex AwaitingApproval();
}
