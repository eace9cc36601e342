using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using OrleansNetOps.Grains.Auth;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Silo.Tests.Infrastructure;

namespace OrleansNetOps.Silo.Tests.Auth;

/// <summary>Keys without editing files: POST and DELETE /api/v1/admin/keys, the key shown once, its SHA-256 stored in the grain storage.</summary>
public sealed class ApiKeyManagementTests
{
    private const string AdminKey = "admin-key-0123456789abcdef";

    [Fact]
    public async Task An_admin_adds_a_viewer_key_that_works_at_once_is_shown_once_and_stops_working_when_deleted()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig(AuthMode.ApiKey), AdminKey);

        using var created = await SendAsync(silo, HttpMethod.Post, "/api/v1/admin/keys", AdminKey, new { name = "noc-screen", roles = new[] { "viewer" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await Json.ReadAsync(created);
        var key = body.GetProperty("key").GetString()!;
        Assert.Equal("noc-screen", body.GetProperty("name").GetString());
        Assert.Equal(["viewer"], body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(key.Length >= 32);

        // Stored as its SHA-256 only.
        var stored = Assert.Single(await silo.Grains.GetGrain<IApiKeysGrain>("default").ListAsync());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))), stored.Sha256);
        Assert.Equal("viewer", stored.Role);

        using (var read = await SendAsync(silo, HttpMethod.Get, "/api/v1/routers", key))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        using (var forbidden = await SendAsync(silo, HttpMethod.Post, "/api/v1/admin/keys", key, new { name = "sneaky", roles = new[] { "admin" } }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        using (var list = await SendAsync(silo, HttpMethod.Get, "/api/v1/admin/keys", AdminKey))
        {
            var text = await list.Content.ReadAsStringAsync();
            Assert.Contains("\"noc-screen\"", text, StringComparison.Ordinal);
            Assert.DoesNotContain(key, text, StringComparison.Ordinal);
            Assert.DoesNotContain(stored.Sha256, text, StringComparison.Ordinal);
        }

        using (var again = await SendAsync(silo, HttpMethod.Post, "/api/v1/admin/keys", AdminKey, new { name = "noc-screen", roles = new[] { "operator" } }))
        {
            await Json.ReadProblemAsync(again, 409);
        }

        using (var deleted = await SendAsync(silo, HttpMethod.Delete, "/api/v1/admin/keys/noc-screen", AdminKey))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using (var gone = await SendAsync(silo, HttpMethod.Get, "/api/v1/routers", key))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, gone.StatusCode);
        }

        using (var missing = await SendAsync(silo, HttpMethod.Delete, "/api/v1/admin/keys/noc-screen", AdminKey))
        {
            await Json.ReadProblemAsync(missing, 404);
        }

        using (var bootstrap = await SendAsync(silo, HttpMethod.Delete, "/api/v1/admin/keys/bootstrap-admin", AdminKey))
        {
            await Json.ReadProblemAsync(bootstrap, 409);
        }

        // The audit trail has the creation and the deletion, each once, by name and roles: never the key or its hash.
        using var audit = await SendAsync(silo, HttpMethod.Get, "/api/v1/audit", AdminKey);
        var auditText = await audit.Content.ReadAsStringAsync();
        Assert.DoesNotContain(key, auditText, StringComparison.Ordinal);
        Assert.DoesNotContain(stored.Sha256, auditText, StringComparison.Ordinal);
        var keyEntries = (await Json.ReadAsync(audit)).EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "api-key")
            .Select(e => (e.GetProperty("decision").GetString(), e.GetProperty("actor").GetString(), e.GetProperty("detail").ToString())).ToList();
        Assert.Equal(2, keyEntries.Count);
        Assert.Contains(keyEntries, e => e.Item1 == "CREATED" && e.Item3.Contains("noc-screen", StringComparison.Ordinal) && e.Item3.Contains("viewer", StringComparison.Ordinal));
        Assert.Contains(keyEntries, e => e.Item1 == "DELETED" && e.Item3.Contains("noc-screen", StringComparison.Ordinal));
        Assert.All(keyEntries, e => Assert.Equal("bootstrap-admin", e.Item2));
        using var verify = await SendAsync(silo, HttpMethod.Get, "/api/v1/audit/verify", AdminKey);
        Assert.True((await Json.ReadAsync(verify)).GetProperty("valid").GetBoolean());
    }

    [Health.PostgresFact]
    public async Task A_key_added_through_the_api_survives_a_restart_on_the_same_storage()
    {
        var schema = "keys_" + Environment.ProcessId;
        var config = TestSilo.PostgresConfig(schema) with { Auth = new AuthConfig { Mode = AuthMode.ApiKey } };
        string key;
        await using (var first = await TestSilo.StartAsync(config, AdminKey))
        {
            using var created = await SendAsync(first, HttpMethod.Post, "/api/v1/admin/keys", AdminKey, new { name = "ops", roles = new[] { "operator" } });
            key = (await Json.ReadAsync(created)).GetProperty("key").GetString()!;
        }

        await using var second = await TestSilo.StartAsync(config, AdminKey);
        using var whoami = await SendAsync(second, HttpMethod.Get, "/api/v1/auth/whoami", key);
        Assert.Equal(HttpStatusCode.OK, whoami.StatusCode);
        Assert.Equal("ops", (await Json.ReadAsync(whoami)).GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("""{"roles":["viewer"]}""", "name")]
    [InlineData("""{"name":"a b","roles":["viewer"]}""", "name")]
    [InlineData("""{"name":"x","roles":["root"]}""", "roles[0]")]
    [InlineData("""{"name":"x","roles":[]}""", "roles")]
    [InlineData("""{"name":""", "body")]
    [InlineData("", "body")]
    public async Task A_bad_key_request_is_a_400_naming_the_field(string body, string field)
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig(AuthMode.ApiKey), AdminKey);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/keys") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", AdminKey);

        using var response = await silo.Client.SendAsync(request);

        var problem = await Json.ReadProblemAsync(response, 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
    }

    private static async Task<HttpResponseMessage> SendAsync(TestSilo silo, HttpMethod method, string path, string key, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new("Bearer", key);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await silo.Client.SendAsync(request);
    }
}
