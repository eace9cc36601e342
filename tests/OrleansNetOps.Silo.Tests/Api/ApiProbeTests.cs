using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Silo.Tests.Infrastructure;

namespace OrleansNetOps.Silo.Tests.Api;

/// <summary>
/// The probe a new user ran by hand: every operation the service describes in <c>/openapi/v1.json</c> (which holds every
/// endpoint of API.md that exists), with valid and malformed path values, query values and bodies. None may answer
/// 500, none may answer with the framework's binding text where a field error belongs, none may hang.
/// </summary>
public sealed class ApiProbeTests
{
    // Query parameters the API takes somewhere; each is tried malformed on every GET.
    private static readonly string[] s_queryParameters =
        ["limit", "from", "to", "afi", "safi", "view", "peer", "rd", "vrf", "prefix", "router", "path", "by", "severity", "resolution", "role", "rare", "kind", "state", "actionId", "q"];

    private static readonly string[] s_badValues = ["abc", "-5", "99999999999999999999", "2026-13-45T99:00:00Z", ""];

    private static readonly string?[] s_bodies = [null, "", "{", "[]", "{}", "null", "\"text\"", """{"changes":[]}""", """{"changes":[{"router":1}]}"""];

    // What the framework says when binding fails; a field error must stand in its place.
    private static readonly string[] s_frameworkText = ["Failed to bind parameter", "Failed to read parameter", "Implicit body inferred", "Nullable<", "JsonElement", "System.", "   at "];

    [Fact]
    public async Task Every_described_endpoint_answers_valid_and_malformed_input_without_500_framework_text_or_hanging()
    {
        await using var silo = await TestSilo.StartAsync(TestSilo.MemoryConfig(simulated: true) with
        {
            Network = new NetworkConfig { Simulated = true, SimulationStepSeconds = 3600 },
        });
        using var client = new HttpClient { BaseAddress = silo.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name.ToUpperInvariant())))
            .ToList();
        Assert.True(operations.Count >= 20, $"only {operations.Count} operations described");
        foreach (var expected in new[] { "/api/v1/twin/whatif", "/api/v1/twin/scenarios", "/api/v1/admin/keys", "/api/v1/routers/{id}/rib", "/health/ready" })
        {
            Assert.Contains(operations, o => o.Path == expected);
        }

        var probes = new List<(HttpMethod Method, string Path, string? Body)>();
        var failures = new ConcurrentQueue<string>();
        foreach (var (path, method) in operations)
        {
            if (path == "/api/v1/events")
            {
                // A live stream: it must answer at once, and is never expected to end.
                using var stream = new HttpRequestMessage(HttpMethod.Get, path);
                using var open = await client.SendAsync(stream, HttpCompletionOption.ResponseHeadersRead);
                Check(failures, $"{method} {path}", open.StatusCode, string.Empty);
                continue;
            }

            foreach (var concrete in Concrete(path))
            {
                if (method == "GET")
                {
                    probes.Add((HttpMethod.Get, concrete, null));
                    probes.AddRange(
                        from parameter in s_queryParameters
                        from value in s_badValues
                        select (HttpMethod.Get, $"{concrete}?{parameter}={Uri.EscapeDataString(value)}", (string?)null));
                }
                else
                {
                    probes.AddRange(s_bodies.Select(body => (new HttpMethod(method), concrete, body)));
                }
            }
        }

        // A few callers at once, as a user's browser and scripts would be; each probe still has its own 30 s bound.
        var slowest = new ConcurrentQueue<(TimeSpan Took, string What)>();
        await Parallel.ForEachAsync(probes, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (probe, _) =>
        {
            var started = Stopwatch.GetTimestamp();
            await ProbeAsync(client, failures, probe.Method, probe.Path, probe.Body);
            slowest.Enqueue((Stopwatch.GetElapsedTime(started), $"{probe.Method} {probe.Path} body={probe.Body ?? "(none)"}"));
        });

        var top = string.Join('\n', slowest.OrderByDescending(s => s.Took).Take(5).Select(s => $"{s.Took.TotalMilliseconds:F0} ms {s.What}"));
        Assert.True(failures.IsEmpty, $"{failures.Count} of {probes.Count} probes failed:\n{string.Join('\n', failures.Take(60))}\nslowest:\n{top}");
        Assert.True(probes.Count > 500, $"only {probes.Count} probes");
    }

    private static IEnumerable<string> Concrete(string path)
    {
        if (!path.Contains('{', StringComparison.Ordinal))
        {
            yield return path;
            yield break;
        }

        // A known router, an unknown one, and values no id looks like.
        foreach (var value in new[] { "R1", "R9", "no%20such", "%2E%2E", "9999999999" })
        {
            yield return System.Text.RegularExpressions.Regex.Replace(path, "\\{[^}]+\\}", value);
        }
    }

    private static async Task ProbeAsync(HttpClient client, ConcurrentQueue<string> failures, HttpMethod method, string path, string? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request);
        }
        catch (TaskCanceledException)
        {
            failures.Enqueue($"{method} {path} body={body ?? "(none)"}: no answer within 30 s");
            return;
        }

        using (response)
        {
            Check(failures, $"{method} {path} body={body ?? "(none)"}", response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    private static void Check(ConcurrentQueue<string> failures, string what, HttpStatusCode status, string text)
    {
        if ((int)status >= 500 && status != HttpStatusCode.ServiceUnavailable)
        {
            failures.Enqueue($"{what}: {(int)status} {Trim(text)}");
        }
        else if ((int)status >= 400 && s_frameworkText.FirstOrDefault(f => text.Contains(f, StringComparison.Ordinal)) is { } framework)
        {
            // Only refusals are read for framework words: a 200 may carry data that happens to contain them (runtime metric
            // names, log lines), but an error must speak of the request's fields.
            failures.Enqueue($"{what}: {(int)status} framework text '{framework}': {Trim(text)}");
        }
    }

    private static string Trim(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
