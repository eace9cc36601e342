using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using OrleansNetOps.Lab;
using OrleansNetOps.Lab.Host;
using OrleansNetOps.Topology;
using Xunit.Abstractions;
using static OrleansNetOps.Cluster.Tests.ClusterTestApi;

namespace OrleansNetOps.Cluster.Tests;

/// <summary>
/// A silo process on PostgreSQL whose topology.yaml drives the seed lab's real FRR routers (<c>driver: frr</c> through
/// vtysh in each namespace), SIGKILLed after its resolver applied a T1 change to R2 and before it judged it, then
/// started again: the change is in FRR's running config exactly once, the audit holds one execution, and the
/// workflow completes on the probes posted after the restart.
/// </summary>
public sealed partial class FrrResolverCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Variable = "NETOPS_TEST_POSTGRES";
    private const string Change = "set local-preference 200";

    // The change is judged 40 s after it applied, which outlives the kill and the restart (about 12 s on two busy cores).
    private const string Guardrails = """
        version: 2
        verification:
          before: 10m
          settle: 0s
          after: 40s
        """;

    private static readonly string[] s_terminal = ["COMPLETED", "ROLLED_BACK", "FAILED", "REJECTED", "BLOCKED"];

    private readonly string _directory = Directory.CreateTempSubdirectory("netops-frr-crash-").FullName;
    private readonly string _schema = "frr_crash_" + Guid.NewGuid().ToString("N")[..12];
    private string _connectionString = string.Empty;
    private SiloProcess? _silo;
    private FrrLab? _lab;
    private HttpClient _api = null!;
    private bool _passed;

    private SiloProcess Silo => _silo ?? throw new InvalidOperationException("the silo is not up");

    private FrrLab Lab => _lab ?? throw new InvalidOperationException("the lab is not up");

    public async Task InitializeAsync()
    {
        Assert.True(HostProcesses.IsRoot, "the lab tests need root (network namespaces, veths, bgpd)");
        _connectionString = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set: run eval \"$(scripts/start-test-postgres.sh)\" first (scripts/test-all.sh does).");
        var seedFile = RepositoryFile("silo-config", "topology.yaml");
        var seedYaml = await File.ReadAllTextAsync(seedFile);
        var seed = TopologyLoader.Parse(seedYaml, seedFile);
        var name = string.Create(CultureInfo.InvariantCulture, $"kc{Environment.ProcessId % 100000}");
        var topologyFile = Path.Combine(_directory, "topology.yaml");
        await File.WriteAllTextAsync(topologyFile, WithFrrDrivers(seedYaml, new LabLayout(seed, new LabOptions(name))));
        await File.WriteAllTextAsync(Path.Combine(_directory, "guardrails.yaml"), Guardrails);
        _silo = new SiloProcess("frr-resolver", _directory, _schema, "frr-crash-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture), _connectionString, topologyFile);
        // The proposal answers once the resolver has run as far as it can: through the apply on FRR, seconds, not the probe's 3.
        _api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_silo.HttpPort}"), Timeout = TimeSpan.FromSeconds(60) };
        _silo.Start();
        await WaitForAsync(_silo.IsReadyAsync, TimeSpan.FromSeconds(120), "the silo never became ready");
        _lab = new FrrLab(seed, new LabOptions(name, _silo.BmpPort));
        await _lab.UpAsync(seedYaml);
        await _lab.WaitUntilConvergedAsync(TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        if (_lab is not null)
        {
            await _lab.DownAsync();
        }

        _api?.Dispose();
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        await SiloProcess.CleanUpAsync(_connectionString, _schema, _directory, _passed);
    }

    [Fact]
    public async Task A_silo_killed_between_apply_and_verify_leaves_the_change_in_FRR_once_and_the_workflow_completes()
    {
        var before = await Lab.RunningConfigAsync("R2");
        Assert.DoesNotContain(Change, before, StringComparison.Ordinal);
        await SendAsync(HttpMethod.Put, "/api/v1/autonomy", new { phase = "semi" });
        var now = DateTimeOffset.UtcNow;
        await ProbesAsync(Spread(now.AddSeconds(-60), now.AddSeconds(-5), 5), latencyMs: 20, lossPct: 0.1);
        var proposed = await SendAsync(HttpMethod.Post, "/api/v1/actions", new
        {
            router = "R2",
            action = "LOCAL_PREF_ADJUST",
            @params = new { peer = "ISP-B", localPref = 200, prefixes = new[] { "8.8.8.0/24" } },
            reason = "crash test on FRR",
            idempotencyKey = "frr-crash",
        }, HttpStatusCode.Created);
        var id = proposed.GetProperty("id").GetString()!;
        var applied = await UntilAsync(id, a => State(a) is not ("INITIATED" or "ANALYZING" or "PLANNING" or "EXECUTING"), TimeSpan.FromSeconds(60));
        Assert.True(State(applied) == "VALIDATING", applied.ToString());
        Assert.Equal("T1", applied.GetProperty("tier").GetString());
        Assert.Equal(1, Occurrences(await Lab.RunningConfigAsync("R2")));

        var clock = Stopwatch.StartNew();
        await Silo.KillAsync();
        Silo.Start();
        await WaitForAsync(Silo.IsReadyAsync, TimeSpan.FromSeconds(120), "the restarted silo never became ready");
        output.WriteLine($"killed and ready again after {clock.Elapsed.TotalSeconds:0.0} s");
        var windows = applied.GetProperty("verification").GetProperty("windows").GetProperty("after");
        var (afterFrom, afterTo) = (windows.GetProperty("from").GetDateTimeOffset(), windows.GetProperty("to").GetDateTimeOffset());
        Assert.True(DateTimeOffset.UtcNow < afterTo, $"the silo came back after the verification window ended ({afterTo:O}); the test proves nothing");
        await ProbesAsync(Spread(afterFrom, afterTo, 4), latencyMs: 21, lossPct: 0.1);

        var done = await UntilAsync(id, a => s_terminal.Contains(State(a)), TimeSpan.FromSeconds(90));
        output.WriteLine($"{State(done)} {clock.Elapsed.TotalSeconds:0.0} s after the kill");
        Assert.True(State(done) == "COMPLETED", done.ToString());
        Assert.Equal("VERIFIED", done.GetProperty("verification").GetProperty("outcome").GetString());
        Assert.Contains($"Action {id}: resuming VALIDATING at its pending verify step", Silo.Log, StringComparison.Ordinal);

        // Exactly once: one route-map line in FRR, one execution in the audit, and it is the one made before the kill.
        var after = await Lab.RunningConfigAsync("R2");
        Assert.Equal(1, Occurrences(after));
        var audit = (await SendAsync(HttpMethod.Get, "/api/v1/audit?actionId=" + id)).EnumerateArray().ToList();
        Assert.Equal(["proposal", "decision", "execution", "validation"], audit.Select(e => e.GetProperty("kind").GetString()!));
        Assert.Equal(applied.GetProperty("execution").ToString(), done.GetProperty("execution").ToString());
        Assert.True((await SendAsync(HttpMethod.Get, "/api/v1/audit/verify")).GetProperty("valid").GetBoolean());
        _passed = true;
    }

    // Each router of ours gets driver: frr through vtysh in its lab namespace, written right under its "- id:" line.
    private static string WithFrrDrivers(string seedYaml, LabLayout layout) =>
        RouterEntry().Replace(seedYaml, m =>
        {
            var node = layout.Node(m.Groups["id"].Value);
            return $"{m.Value}\n{m.Groups["indent"].Value}  driver: {{ kind: frr, vtysh: {{ netns: {node.Namespace}, vtySocket: {node.VtyDirectory} }} }}";
        });

    private static int Occurrences(string config) => config.Split('\n').Count(l => l.Trim() == Change);

    private Task ProbesAsync(IEnumerable<DateTimeOffset> times, double latencyMs, double lossPct) =>
        SendAsync(HttpMethod.Post, "/api/v1/telemetry/metrics", times.SelectMany(t => new object[]
        {
            new { router = "R2", path = "/probes/isp[name=ISP-B]/latency-ms", value = latencyMs, timestamp = t.ToString("O", CultureInfo.InvariantCulture), tags = new { source = "scenario" } },
            new { router = "R2", path = "/probes/isp[name=ISP-B]/loss-pct", value = lossPct, timestamp = t.ToString("O", CultureInfo.InvariantCulture), tags = new { source = "scenario" } },
        }).ToArray(), HttpStatusCode.Accepted);

    private static IEnumerable<DateTimeOffset> Spread(DateTimeOffset from, DateTimeOffset to, int count) =>
        Enumerable.Range(1, count).Select(i => from + ((to - from) * i / (count + 1)));

    private Task<JsonElement> UntilAsync(string id, Func<JsonElement, bool> done, TimeSpan timeout) => ClusterTestApi.UntilAsync(_api, id, done, timeout, _directory);

    private Task<JsonElement> SendAsync(HttpMethod method, string path, object? body = null, HttpStatusCode? expect = null) => ClusterTestApi.SendAsync(_api, method, path, body, expect);

    [GeneratedRegex(@"^(?<indent>[ ]*)- id: (?<id>R\d+)$", RegexOptions.Multiline)]
    private static partial Regex RouterEntry();
}
