using OrleansNetOps.Configuration;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using OrleansNetOps.Silo.Auth;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Silo.Hosting;
using OrleansNetOps.Silo.Tests.Infrastructure;

namespace OrleansNetOps.Silo.Tests.Auth;

public sealed class ApiKeyAuthTests : IAsyncLifetime
{
    private const string ViewerKey = "viewer-key-0123456789";
    private const string OperatorKey = "operator-key-0123456789";
    private const string BootstrapKey = "bootstrap-admin-key-0123456789";

    private TestSilo _silo = null!;

    public async Task InitializeAsync()
    {
        var keys = new List<ApiKeyConfig>
        {
            new() { Name = "noc", Key = ViewerKey, Roles = [Role.Viewer] },
            new() { Name = "on-call", KeySha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(OperatorKey))), Roles = [Role.Operator] },
        };
        _silo = await TestSilo.StartAsync(TestSilo.MemoryConfig(AuthMode.ApiKey, keys), BootstrapKey);
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task No_key_is_401_with_a_bearer_challenge_and_a_problem_document()
    {
        using var response = await _silo.GetAsync("/api/v1/auth/whoami");

        var problem = await Json.ReadProblemAsync(response, 401);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Contains("Authorization: Bearer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_key_is_401()
    {
        using var response = await _silo.GetAsync("/api/v1/auth/whoami", key: "not-a-key-we-know-of-at-all");

        var problem = await Json.ReadProblemAsync(response, 401);
        Assert.Equal("The API key is not known.", problem.GetProperty("detail").GetString());
        Assert.Contains("invalid_token", Assert.Single(response.Headers.WwwAuthenticate).Parameter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_authorization_schemes_are_401()
    {
        using var request = _silo.Get("/api/v1/auth/whoami");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("noc:" + ViewerKey)));

        using var response = await _silo.Client.SendAsync(request);

        await Json.ReadProblemAsync(response, 401);
    }

    [Fact]
    public async Task Viewer_key_identifies_its_holder()
    {
        using var response = await _silo.GetAsync("/api/v1/auth/whoami", ViewerKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json.ReadAsync(response);
        Assert.Equal("noc", body.GetProperty("name").GetString());
        Assert.Equal(["viewer"], body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("apikey", body.GetProperty("authMode").GetString());
    }

    [Fact]
    public async Task Hashed_operator_key_also_holds_the_roles_below()
    {
        using var response = await _silo.GetAsync("/api/v1/auth/whoami", OperatorKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json.ReadAsync(response);
        Assert.Equal("on-call", body.GetProperty("name").GetString());
        Assert.Equal(["viewer", "operator"], body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Viewer_key_on_an_admin_endpoint_is_403_naming_the_role()
    {
        using var response = await _silo.GetAsync("/api/v1/admin/keys", ViewerKey);

        var problem = await Json.ReadProblemAsync(response, 403);
        Assert.Equal("This needs the 'admin' role; the key 'noc' has 'viewer'.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Bootstrap_key_is_an_admin_and_key_listing_holds_no_secrets()
    {
        using var response = await _silo.GetAsync("/api/v1/admin/keys", BootstrapKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var keys = (await Json.ReadAsync(response)).EnumerateArray()
            .Select(k => (k.GetProperty("name").GetString(), k.GetProperty("role").GetString(), k.GetProperty("source").GetString()))
            .ToList();
        Assert.Equal([("noc", "viewer", "config"), ("on-call", "operator", "config"), ("bootstrap-admin", "admin", "bootstrap")], keys);
        Assert.DoesNotContain(ViewerKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(BootstrapKey, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Role_filter_lists_keys_holding_that_role()
    {
        using var response = await _silo.GetAsync("/api/v1/admin/keys?role=operator", BootstrapKey);

        var names = (await Json.ReadAsync(response)).EnumerateArray().Select(k => k.GetProperty("name").GetString());
        Assert.Equal(["on-call", "bootstrap-admin"], names);
    }

    [Fact]
    public async Task Health_and_docs_need_no_key()
    {
        using var live = await _silo.GetAsync("/health/live");
        using var ready = await _silo.GetAsync("/health/ready");
        using var openApi = await _silo.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
    }

    [Fact]
    public async Task Bootstrap_key_from_the_environment_reaches_the_host()
    {
        var options = SiloEntryPoint.Prepare([], new Dictionary<string, string?>
        {
            ["NETOPS_CONFIG"] = RepositoryFiles.SiloConfig("silo.yaml"),
            ["NETOPS__Auth__Mode"] = "apikey",
            ["NETOPS_BOOTSTRAP_ADMIN_KEY"] = BootstrapKey,
        });
        await using var silo = await TestSilo.StartAsync(options);

        using var admin = await silo.GetAsync("/api/v1/admin/keys", BootstrapKey);
        using var anonymous = await silo.GetAsync("/api/v1/admin/keys");

        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public void Short_bootstrap_key_is_refused_naming_the_variable()
    {
        var error = Assert.Throws<ConfigException>(() => SiloHost.Build(new SiloHostOptions
        {
            Config = TestSilo.MemoryConfig(AuthMode.ApiKey),
            BootstrapAdminKey = "short",
        }));

        Assert.Equal("NETOPS_BOOTSTRAP_ADMIN_KEY: the bootstrap admin key is too short: at least 16 characters", error.Message);
    }
}
