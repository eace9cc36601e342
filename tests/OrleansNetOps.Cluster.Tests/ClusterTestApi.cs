using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansNetOps.Cluster.Tests;

/// <summary>What the cluster tests do with a silo process's API and the repository, written once.</summary>
internal static class ClusterTestApi
{
    /// <summary>A file of the repository, found above the test's output directory.</summary>
    public static string RepositoryFile(params string[] parts)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine([directory.FullName, .. parts]);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(Path.Combine(parts) + " not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Polls <paramref name="condition"/> (a silo that does not answer yet counts as not met) and fails with <paramref name="failure"/> at the deadline.</summary>
    public static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            bool met;
            try
            {
                met = await condition();
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                met = false;
            }

            if (met)
            {
                return;
            }

            Assert.True(clock.Elapsed < timeout, $"{failure} within {timeout.TotalSeconds:0} s");
            await Task.Delay(200);
        }
    }

    /// <summary>Sends a request and fails the test, with the answer, unless it gets <paramref name="expect"/> (any success when null).</summary>
    public static async Task<JsonElement> SendAsync(HttpClient api, HttpMethod method, string path, object? body = null, HttpStatusCode? expect = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expect is { } status ? status == response.StatusCode : response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Polls action <paramref name="id"/> until <paramref name="done"/> holds; the failure names the state and where the logs are.</summary>
    public static async Task<JsonElement> UntilAsync(HttpClient api, string id, Func<JsonElement, bool> done, TimeSpan timeout, string logs)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var action = await SendAsync(api, HttpMethod.Get, "/api/v1/actions/" + id);
            if (done(action))
            {
                return action;
            }

            Assert.True(clock.Elapsed < timeout, $"action {id} stayed {State(action)} for {timeout.TotalSeconds:0} s: {action}\nlog in {logs}");
            await Task.Delay(100);
        }
    }

    /// <summary>An action's workflow state.</summary>
    public static string State(JsonElement action) => action.GetProperty("state").GetString()!;
}
