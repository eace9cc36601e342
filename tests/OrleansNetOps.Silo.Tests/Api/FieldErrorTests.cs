using System.Text;
using OrleansNetOps.Silo.Tests.Infrastructure;

namespace OrleansNetOps.Silo.Tests.Api;

/// <summary>Input the framework cannot bind is answered with a field error in the API's words.</summary>
public sealed class FieldErrorTests : IAsyncLifetime
{
    private TestSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await TestSilo.StartAsync(TestSilo.MemoryConfig());

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Theory]
    [InlineData("/api/v1/routers/R1/rib?limit=abc", "limit", "'abc' is not an integer")]
    [InlineData("/api/v1/logs?limit=many", "limit", "'many' is not an integer")]
    [InlineData("/api/v1/logs?from=yesterday", "from", "'yesterday' is not a time")]
    public async Task A_query_value_of_the_wrong_type_names_the_field(string path, string field, string message)
    {
        using var response = await _silo.GetAsync(path);

        var problem = await Json.ReadProblemAsync(response, 400);
        Assert.StartsWith(message, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/telemetry/metrics", "[{\"router\":", "malformed JSON at line 1")]
    [InlineData("/api/v1/telemetry/metrics", "", "required: send a JSON body")]
    [InlineData("/api/v1/twin/whatif", "{\"changes\": [", "malformed JSON at line 1")]
    [InlineData("/api/v1/twin/whatif", "", "required: send a JSON body")]
    public async Task A_malformed_or_empty_body_is_a_body_error(string path, string body, string message)
    {
        using var response = await _silo.Client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await Json.ReadProblemAsync(response, 400);
        var text = problem.GetProperty("errors").GetProperty("body")[0].GetString();
        Assert.StartsWith(message, text, StringComparison.Ordinal);
        Assert.DoesNotContain("parameter", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api_key_and_anonymous_health()
    {
        var document = System.Text.Json.JsonDocument.Parse(await _silo.Client.GetStringAsync("/openapi/v1.json")).RootElement;

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("apiKey");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.True(document.GetProperty("security")[0].TryGetProperty("apiKey", out _));
        var ready = document.GetProperty("paths").GetProperty("/health/ready").GetProperty("get");
        Assert.Equal(0, ready.GetProperty("security").GetArrayLength());
    }
}
