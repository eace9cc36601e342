using System.Net.Http.Json;
using Microsoft.Playwright;
using OrleansNetOps.Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansNetOps.Portal.Tests.Portal;

/// <summary>The portal in Chromium against the embedded default: seed topology, simulated network, auth.mode none.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SeedPortalTests(ChromiumFixture chromium, SeedSiloFixture seed, ITestOutputHelper output) : IClassFixture<SeedSiloFixture>
{
    private const float LongWait = 60_000;

    [Fact]
    public async Task The_overview_shows_R1_to_R5_and_the_ISP_links_and_a_fibre_cut_turns_a_link_red_without_a_reload()
    {
        var page = await chromium.NewPageAsync(seed.Silo.BaseAddress);
        await page.GotoAsync("/");
        foreach (var router in new[] { "R1", "R2", "R3", "R4", "R5" })
        {
            await Assertions.Expect(page.Locator($"[data-node=\"{router}\"]")).ToBeVisibleAsync();
        }

        foreach (var link in new[] { "ISP-A~R1", "ISP-B~R1", "ISP-B~R2", "ISP-C~R2" })
        {
            await Assertions.Expect(page.Locator($"[data-link=\"{link}\"]")).ToHaveCountAsync(1);
        }

        await Assertions.Expect(page.Locator("#authoff")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=live]")).ToHaveTextAsync("live", new() { Timeout = LongWait });
        var firstRender = await page.EvaluateAsync<double>("performance.getEntriesByName('topology-rendered')[0].startTime");
        output.WriteLine($"overview: topology rendered {firstRender:F0} ms after navigation start");
        // A second browser tab on the running silo: what an engineer opening the portal sees (the first includes the silo's JIT).
        var second = await chromium.NewPageAsync(seed.Silo.BaseAddress);
        await second.GotoAsync("/");
        await Assertions.Expect(second.Locator("[data-node=\"R1\"]")).ToBeVisibleAsync();
        var render = await second.EvaluateAsync<double>("performance.getEntriesByName('topology-rendered')[0].startTime");
        output.WriteLine($"overview: topology rendered {render:F0} ms after navigation start in a new tab on the running silo");
        await second.CloseAsync();
        await ChromiumFixture.ScreenshotAsync(page, "overview");

        // The simulated network cuts R2's fibre to ISP-C every fourth step and repairs it the next: watch it go down live.
        await page.EvaluateAsync("window.__sameDocument = true");
        var cut = page.Locator("[data-link=\"ISP-C~R2\"]");
        await Assertions.Expect(cut).ToHaveAttributeAsync("data-state", "up", new() { Timeout = LongWait });
        await Assertions.Expect(cut).ToHaveAttributeAsync("data-state", "down", new() { Timeout = LongWait });
        await Assertions.Expect(cut).ToHaveCSSAsync("stroke", "rgb(255, 77, 79)");
        await Assertions.Expect(page.Locator("[data-testid=topology-summary]")).ToContainTextAsync("1 links down");
        var cutAt = System.Diagnostics.Stopwatch.StartNew();
        // The cut's Peer Down and session finding open an incident (or join the one an earlier cut of the same session opened).
        await Assertions.Expect(page.Locator("#ov-incidents")).ToContainTextAsync("203.0.113.14", new() { Timeout = 30_000 });
        output.WriteLine($"overview: an active incident names the cut session {cutAt.ElapsedMilliseconds} ms after the link turned red");
        Assert.True(await page.EvaluateAsync<bool>("window.__sameDocument === true"), "the page was reloaded");
        await ChromiumFixture.ScreenshotAsync(page, "overview-fibre-cut");
    }

    [Fact]
    public async Task A_router_page_shows_its_sessions_and_RIB_and_the_routers_list_links_to_it()
    {
        var page = await chromium.NewPageAsync(seed.Silo.BaseAddress);
        await page.GotoAsync("/#/routers");
        await Assertions.Expect(page.Locator("main table")).ToContainTextAsync("edge-router-02");
        await ChromiumFixture.ScreenshotAsync(page, "routers");
        await page.GetByRole(AriaRole.Link, new() { Name = "R2", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#r-peers")).ToContainTextAsync("203.0.113.14");
        await Assertions.Expect(page.Locator("#r-peers")).ToContainTextAsync("ISP-C");
        await Assertions.Expect(page.Locator("#r-rib")).ToContainTextAsync("8.8.8.0/24", new() { Timeout = LongWait });

        // The RIB browser by keyboard: choose a view and submit with Enter.
        await page.Locator("#rib [name=view]").SelectOptionAsync("adj-in-post");
        await page.Locator("#rib [name=prefix]").FillAsync("1.1.1.0/24");
        await page.Locator("#rib [name=prefix]").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#r-rib")).ToContainTextAsync("adj-in-post");
        await Assertions.Expect(page.Locator("#r-rib tbody tr").First).ToContainTextAsync("1.1.1.0/24");
        await ChromiumFixture.ScreenshotAsync(page, "router-R2");
    }

    [Fact]
    public async Task The_what_if_page_runs_a_change_on_the_twin_and_shows_the_result()
    {
        var page = await chromium.NewPageAsync(seed.Silo.BaseAddress);
        await page.GotoAsync("/#/whatif");
        var change = page.Locator("fieldset.change").First;
        await change.Locator("[name=router]").FillAsync("R1");
        await change.Locator("[name=action]").SelectOptionAsync("LOCAL_PREF_ADJUST");
        await change.Locator("[name=peer]").FillAsync("ISP-A");
        await change.Locator("[name=direction]").SelectOptionAsync("in");
        await change.Locator("[name=localPref]").FillAsync("50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run on the twin" }).ClickAsync();
        var result = page.Locator("[data-testid=whatif-result]");
        await Assertions.Expect(result).ToContainTextAsync("blast radius", new() { Timeout = LongWait });
        await Assertions.Expect(result).ToContainTextAsync("Checks:");
        // Lowering ISP-A's preference on R1 moves R1's best path for a prefix both ISP-A and ISP-B announce.
        await Assertions.Expect(result.Locator("tbody")).ToContainTextAsync("8.8.8.0/24");
        await ChromiumFixture.ScreenshotAsync(page, "whatif");

        // An invalid change gets the API's validation errors, not a blank page.
        await change.Locator("[name=router]").FillAsync("NO-SUCH-ROUTER");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run on the twin" }).ClickAsync();
        await Assertions.Expect(result.Locator(".error")).ToContainTextAsync("NO-SUCH-ROUTER");
    }

    [Theory]
    [InlineData("incidents", "Incidents")]
    [InlineData("approvals", "Approvals")]
    [InlineData("audit", "Audit")]
    [InlineData("autonomy", "Autonomy")]
    [InlineData("metrics", "Forecasts and metrics")]
    public async Task Every_page_renders_what_the_API_has_or_says_plainly_what_is_not_available(string route, string heading)
    {
        var page = await chromium.NewPageAsync(seed.Silo.BaseAddress);
        await page.GotoAsync($"/#/{route}");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync(heading);
        await Assertions.Expect(page.GetByText("Loading…")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("main .error")).ToHaveCountAsync(0);
        await ChromiumFixture.ScreenshotAsync(page, route);
    }

    [Fact]
    public async Task An_ISP_link_shows_what_its_router_measured_and_turns_hot_near_congestion()
    {
        var recent = DateTimeOffset.UtcNow.AddSeconds(-5).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        using var posted = await seed.Silo.Client.PostAsJsonAsync("/api/v1/telemetry/metrics", new object[]
        {
            new { router = "R1", path = "/probes/isp[name=ISP-B]/utilisation-pct", value = 92.0, timestamp = recent },
            new { router = "R1", path = "/probes/isp[name=ISP-B]/loss-pct", value = 0.4, timestamp = recent },
        });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, posted.StatusCode);

        var page = await chromium.NewPageAsync(seed.Silo.BaseAddress);
        await page.GotoAsync("/");
        var link = page.Locator("[data-link=\"ISP-B~R1\"]");
        await Assertions.Expect(link).ToHaveAttributeAsync("data-utilisation", "0.92", new() { Timeout = LongWait });
        await Assertions.Expect(link).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bhot\b"));
        // The demo writes its own latency and loss probes every step, so only the utilisation is ours to check here.
        await Assertions.Expect(link.Locator("title")).ToContainTextAsync("utilisation 92.0 %, loss");
    }

    [Fact]
    public async Task The_learning_page_shows_shadow_agreement_and_an_admin_trains_a_version_there()
    {
        var page = await chromium.NewPageAsync(seed.Silo.BaseAddress);
        await page.GotoAsync("/#/learning");
        await Assertions.Expect(page.Locator("[data-testid=shadow]")).ToContainTextAsync("recommendation(s)", new() { Timeout = LongWait });
        await Assertions.Expect(page.Locator("[data-testid=shadow]")).ToContainTextAsync("Graduation");

        await page.GetByRole(AriaRole.Button, new() { Name = "Train a new version" }).ClickAsync();
        var runs = page.Locator("[data-testid=runs]");
        await Assertions.Expect(runs).ToContainTextAsync("twin failure-scenario episodes", new() { Timeout = LongWait });
        await Assertions.Expect(runs.Locator("tbody tr").First).ToContainTextAsync("v1");
        await ChromiumFixture.ScreenshotAsync(page, "learning");
    }

    [Fact]
    public async Task The_assistant_page_answers_from_live_state_and_an_intent_becomes_an_action_in_the_workflow()
    {
        var page = await chromium.NewPageAsync(seed.Silo.BaseAddress);
        await page.GotoAsync("/#/assistant");
        await page.Locator("#ask [name=question]").FillAsync("what's wrong with R2?");
        await page.Locator("#ask [name=question]").PressAsync("Enter");
        var answer = page.Locator("[data-testid=answer]");
        await Assertions.Expect(answer).ToContainTextAsync("R2", new() { Timeout = LongWait });
        await Assertions.Expect(answer).ToContainTextAsync("GET /api/v1/routers/R2");

        await page.Locator("#intent [name=text]").FillAsync("move 8.8.8.0/24 off ISP-A on R1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose" }).ClickAsync();
        var proposal = page.Locator("[data-testid=proposal]");
        await Assertions.Expect(proposal).ToContainTextAsync("LOCAL_PREF_ADJUST", new() { Timeout = LongWait });
        await Assertions.Expect(proposal).ToContainTextAsync("8.8.8.0/24");
        await Assertions.Expect(proposal.Locator("[data-testid=verdict]")).Not.ToBeEmptyAsync();
        await ChromiumFixture.ScreenshotAsync(page, "assistant");

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit as action" }).ClickAsync();
        var submitted = page.Locator("[data-testid=submitted]");
        await Assertions.Expect(submitted).ToContainTextAsync("Action", new() { Timeout = LongWait });
        var id = await submitted.Locator("code").TextContentAsync();
        using var action = await seed.Silo.Client.GetAsync($"/api/v1/actions/{id}");
        Assert.Equal(System.Net.HttpStatusCode.OK, action.StatusCode);
        Assert.Contains("assistant: move 8.8.8.0/24 off ISP-A on R1", await action.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_is_reachable_by_keyboard_from_the_skip_link_and_the_navigation()
    {
        var page = await chromium.NewPageAsync(seed.Silo.BaseAddress);
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("[data-node=\"R1\"]")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        var visited = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            visited.Add(await page.EvaluateAsync<string>("document.activeElement.getAttribute('href')"));
        }

        Assert.Equal(["#/overview", "#/routers", "#/incidents", "#/approvals", "#/audit", "#/autonomy", "#/learning", "#/assistant", "#/whatif", "#/metrics"], visited);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Forecasts and metrics");
    }

    [Fact]
    public async Task The_portal_logic_parses_split_event_streams_patches_links_and_counts_down()
    {
        var page = await chromium.NewPageAsync(seed.Silo.BaseAddress);
        await page.GotoAsync("/");
        var results = await page.EvaluateAsync<string[]>("""
            async () => {
              const m = await import('/portal/core.js');
              const p = new m.SseParser();
              const chunks = ['id: a-1\r\nevent: peer\r', '\ndata: {"x":', '1}\r\n\r\n: comment\n', 'event: router\ndata: l1\ndata: l2\n\n', 'data: partial'];
              const events = chunks.flatMap(c => p.push(c));
              const topo = { nodes: [{ id: 'R2', status: 'up' }], links: [{ a: 'R2', b: 'ISP-C', state: 'up' }, { a: 'R3', b: 'R2', state: 'up' }] };
              const changed = m.applyPeerEvent(topo, { router: 'R2', peerName: 'ISP-C', state: 'idle' });
              const unknown = m.applyPeerEvent(topo, { router: 'R2', peerName: 'ISP-Z', state: 'idle' });
              const now = Date.parse('2026-01-01T00:00:00Z');
              const big = m.layout(Array.from({ length: 1000 }, (_, i) => ({ id: 'R' + i, kind: 'router', role: 'spine' })));
              return [
                JSON.stringify(events),
                changed.state + '/' + topo.links[1].state + '/' + (unknown === null),
                m.countdown('2026-01-01T00:01:05Z', now) + '|' + m.countdown('2026-01-01T02:00:01Z', now) + '|' + m.countdown('2025-12-31T23:59:00Z', now) + '|' + m.countdown(null, now),
                JSON.stringify(m.bySeverity([{ severity: 'major' }, { severity: 'critical' }, { severity: 'major' }])),
                String(big.at.size) + ' ' + String(new Set([...big.at.values()].map(v => v.x + ',' + v.y)).size),
                JSON.stringify(m.changeParams({ peer: ' ISP-A ', prefixes: '8.8.8.0/24, 1.1.1.0/24', localPref: '200', med: '' })),
                String(m.can(['viewer'], 'approver')) + String(m.can(['viewer', 'operator', 'approver'], 'approver')),
                m.esc('<b a="1">&'),
              ];
            }
            """);
        Assert.Equal("""[{"type":"peer","data":"{\"x\":1}","id":"a-1"},{"type":"router","data":"l1\nl2","id":null}]""", results[0]);
        Assert.Equal("down/up/true", results[1]);
        Assert.Equal("1:05|2:00:01|expired|null", results[2]);
        Assert.Equal("""[{"severity":"critical","count":1},{"severity":"major","count":2},{"severity":"minor","count":0},{"severity":"info","count":0}]""", results[3]);
        Assert.Equal("1000 1000", results[4]);
        Assert.Equal("""{"peer":"ISP-A","prefixes":["8.8.8.0/24","1.1.1.0/24"],"localPref":200}""", results[5]);
        Assert.Equal("falsetrue", results[6]);
        Assert.Equal("&lt;b a=&quot;1&quot;&gt;&amp;", results[7]);
    }
}
