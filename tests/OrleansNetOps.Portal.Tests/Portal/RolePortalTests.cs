using Microsoft.Playwright;
using OrleansNetOps.Portal.Tests.Infrastructure;
using OrleansNetOps.Silo.Auth;
using OrleansNetOps.Silo.Configuration;

namespace OrleansNetOps.Portal.Tests.Portal;

/// <summary>Sign-in with API keys (what each role may decide is in <see cref="DecisionPortalTests"/>, on the real decision API).</summary>
[Collection(BrowserCollection.Name)]
public sealed class RolePortalTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private const string ViewerKey = "viewer-key-for-the-noc-wall-0001";
    private PortalSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await PortalSilo.StartAsync(simulationStepSeconds: 0, keys:
    [
        new ApiKeyConfig { Name = "noc-wall", Key = ViewerKey, Roles = [Role.Viewer] },
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

}
