using Microsoft.Playwright;
using OrleansNetOps.Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansNetOps.Portal.Tests.Portal;

/// <summary>The overview of a generated 1,000-router topology.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LargeTopologyTests(ChromiumFixture chromium, ITestOutputHelper output)
{
    [Fact]
    public async Task A_thousand_router_topology_renders_and_stays_usable()
    {
        await using var silo = await PortalSilo.StartAsync(simulationStepSeconds: 0, topology: GeneratedTopology.Routers(1000));
        var page = await chromium.NewPageAsync(silo.BaseAddress);
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("[data-node=\"R1000\"]")).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("g.node.router")).ToHaveCountAsync(1000);
        await Assertions.Expect(page.Locator("line.link")).ToHaveCountAsync(1009);
        await Assertions.Expect(page.Locator("[data-testid=topology-summary]")).ToContainTextAsync("1000 routers, 3 ISPs");
        var rendered = await page.EvaluateAsync<double>("performance.getEntriesByName('topology-rendered')[0].startTime");
        output.WriteLine($"1,000 routers: topology rendered {rendered:F0} ms after navigation start");
        await ChromiumFixture.ScreenshotAsync(page, "overview-1000-routers");

        // Still responsive: a router is a link away, and the page answers input while the overview is live.
        await page.Locator("[data-node=\"R500\"] a").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Router R500");
        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("g.node.router")).ToHaveCountAsync(1000, new() { Timeout = 60_000 });
    }
}
