using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace OrleansNetOps.Cluster.Tests;

/// <summary>
/// Two silo processes of one cluster, each with its own copy of <c>guardrails.yaml</c> (as an operator deploys them):
/// the domain's coordinator holds the one policy. An edit copied to both files is accepted and audited once; a PUT on
/// one silo is what the other shows and what its twin checks a what-if against.
/// </summary>
public sealed class GuardrailsClusterTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Variable = "NETOPS_TEST_POSTGRES";
    private const string Original = "version: 2\nlocalPref:\n  min: 0\n  max: 300\n";
    private const string Edited = "version: 2\nlocalPref:\n  min: 0\n  max: 250\n";
    private const string ByPut = "version: 2\nlocalPref:\n  min: 0\n  max: 200\n";

    private readonly string _directory = Directory.CreateTempSubdirectory("netops-guardrails-").FullName;
    private readonly string _schema = "guardrails_test_" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<(SiloProcess Silo, string File)> _silos = [];
    private string _connectionString = string.Empty;
    private bool _passed;

    public async Task InitializeAsync()
    {
        _connectionString = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set: run eval \"$(scripts/start-test-postgres.sh)\" first (scripts/test-all.sh does).");
        var clusterId = "guardrails-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        foreach (var name in new[] { "a", "b" })
        {
            var directory = Directory.CreateDirectory(Path.Combine(_directory, name)).FullName;
            var file = Path.Combine(directory, "guardrails.yaml");
            await File.WriteAllTextAsync(file, Original);
            _silos.Add((new SiloProcess("silo-" + name, directory, _schema, clusterId, _connectionString, topologyFile: null), file));
        }

        foreach (var (silo, _) in _silos)
        {
            silo.Start();
        }

        await WaitForAsync(async () => (await Task.WhenAll(_silos.Select(s => s.Silo.IsReadyAsync()))).All(r => r), TimeSpan.FromSeconds(120), "the two silos never became ready");
    }

    public async Task DisposeAsync()
    {
        foreach (var (silo, _) in _silos)
        {
            await silo.DisposeAsync();
        }

        await SiloProcess.CleanUpAsync(_connectionString, _schema, _directory, _passed);
    }

    [Fact]
    public async Task One_edit_on_two_silos_is_accepted_once_and_a_PUT_on_one_silo_reaches_the_other_and_its_twin()
    {
        var (a, b) = (_silos[0].Silo, _silos[1].Silo);

        // Both started with the same file: it became the cluster's policy once.
        Assert.Equal([("file:guardrails.yaml", "ACCEPTED")], await PolicyAuditAsync(a));
        Assert.Equal(1, (await a.GetJsonAsync("/api/v1/guardrails")).GetProperty("version").GetInt64());

        // The operator copies one edit to both silos' files.
        var clock = Stopwatch.StartNew();
        foreach (var (_, file) in _silos)
        {
            await File.WriteAllTextAsync(file, Edited);
        }

        await WaitForAsync(async () => (await Task.WhenAll(a.GetJsonAsync("/api/v1/guardrails"), b.GetJsonAsync("/api/v1/guardrails")))
            .All(g => g.GetProperty("yaml").GetString() == Edited), TimeSpan.FromSeconds(15), "the edit never showed on both silos");
        output.WriteLine($"edit in force on both silos after {clock.Elapsed.TotalSeconds:0.0} s");

        // Both watchers fired; let any late second offer land before counting.
        await WaitForAsync(() => Task.FromResult(Count(a.Log + b.Log, "holds the guardrails in force") + Count(a.Log + b.Log, "Guardrails applied from") >= 4),
            TimeSpan.FromSeconds(15), "a silo's watcher never offered the edit");
        Assert.Equal([("file:guardrails.yaml", "ACCEPTED"), ("file:guardrails.yaml", "ACCEPTED")], await PolicyAuditAsync(b));

        // A PUT on silo A: silo B shows it and its twin judges a what-if by it.
        var change = new { changes = new[] { new { router = "R2", action = "LOCAL_PREF_ADJUST", @params = new { peer = "ISP-B", direction = "in", localPref = 220 } } } };
        Assert.DoesNotContain(await ConflictsAsync(b, change), c => c.Contains("guardrail", StringComparison.Ordinal));
        var put = await a.SendAsync(HttpMethod.Put, "/api/v1/guardrails", new { yaml = ByPut });
        Assert.Equal(3, put.GetProperty("version").GetInt64());
        var onB = await b.GetJsonAsync("/api/v1/guardrails");
        Assert.Equal((ByPut, 3L), (onB.GetProperty("yaml").GetString(), onB.GetProperty("version").GetInt64()));
        Assert.Contains(await ConflictsAsync(b, change), c => c.Contains("localPref 220 is outside the guardrail 0..200", StringComparison.Ordinal));
        Assert.Equal(3, (await PolicyAuditAsync(b)).Count);
        Assert.True((await b.GetJsonAsync("/api/v1/audit/verify")).GetProperty("valid").GetBoolean());
        _passed = true;
    }

    private static async Task<List<(string Actor, string Decision)>> PolicyAuditAsync(SiloProcess silo) =>
        [.. (await silo.GetJsonAsync("/api/v1/audit")).EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == "policy")
            .Select(e => (e.GetProperty("actor").GetString()!, e.GetProperty("decision").GetString()!))];

    private static async Task<List<string>> ConflictsAsync(SiloProcess silo, object change) =>
        [.. (await silo.SendAsync(HttpMethod.Post, "/api/v1/twin/whatif", change)).GetProperty("checks").GetProperty("policyConflicts").EnumerateArray().Select(c => c.ToString())];

    private static int Count(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < timeout, $"{failure} within {timeout.TotalSeconds:0} s");
            await Task.Delay(200);
        }
    }
}
