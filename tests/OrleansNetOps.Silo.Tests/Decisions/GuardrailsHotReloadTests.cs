using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OrleansNetOps.Silo.Auth;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Silo.Decisions;
using OrleansNetOps.Silo.Hosting;
using OrleansNetOps.Silo.Tests.Health;
using OrleansNetOps.Silo.Tests.Infrastructure;

namespace OrleansNetOps.Silo.Tests.Decisions;

/// <summary>
/// A real silo watching a real <c>guardrails.yaml</c> in a temporary directory. The file the silo starts with becomes
/// the domain's policy through the coordinator: on a new cluster that is one ACCEPTED record before anything else.
/// </summary>
public sealed class GuardrailsHotReloadTests
{
    private const string Admin = "alice-key-0123456789";
    private const string Original = "version: 2\nlocalPref:\n  min: 0\n  max: 300\n";
    private const string Edited = "version: 2\nlocalPref:\n  min: 0\n  max: 250\n";

    // max is not a number: the reader names guardrails.yaml, line 4, column 8, localPref.max.
    private const string Broken = "version: 2\nlocalPref:\n  min: 0\n  max: lots\n";

    private static Task<TestSilo> SiloAsync(TempFile file, string? postgresSchema = null)
    {
        var guardrails = GuardrailsFile.Load(file.FilePath, "guardrails.yaml");
        var config = postgresSchema is null ? TestSilo.MemoryConfig() : TestSilo.PostgresConfig(postgresSchema);
        return TestSilo.StartAsync(new SiloHostOptions
        {
            Config = config with
            {
                Auth = new AuthConfig { Mode = AuthMode.ApiKey, Keys = [new ApiKeyConfig { Name = "alice", Key = Admin, Roles = [Role.Admin] }] },
            },
            GuardrailsFile = guardrails,
            Guardrails = guardrails.Policy,
        });
    }

    private static Task<JsonElement> GuardrailsAsync(TestSilo silo) => DecisionApiTests.SendAsync(silo, HttpMethod.Get, "/api/v1/guardrails", Admin);

    private static async Task<JsonElement[]> PolicyAuditAsync(TestSilo silo) =>
        [.. (await DecisionApiTests.SendAsync(silo, HttpMethod.Get, "/api/v1/audit", Admin)).EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "policy")];

    private static async Task<JsonElement[]> UntilPolicyAuditAsync(TestSilo silo, int count)
    {
        JsonElement[] entries = [];
        await UntilAsync(async () => (entries = await PolicyAuditAsync(silo)).Length >= count);
        return entries;
    }

    // Waits for the watcher to have logged a line; the silo shares two cores with other test hosts, so no fixed sleep.
    private static Task UntilLoggedAsync(TestSilo silo, LogLevel level, string text) =>
        UntilAsync(() => Task.FromResult(silo.Logs.Entries.Any(e => e.Level == level && e.Message.Contains(text, StringComparison.Ordinal))));

    private static async Task UntilAsync(Func<Task<bool>> done)
    {
        var clock = Stopwatch.StartNew();
        while (!await done() && clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(100);
        }
    }

    // Editors write in steps: truncate, then the text in pieces; the debounce must read only the finished file.
    private static async Task WriteInStepsAsync(string path, string text)
    {
        await File.WriteAllTextAsync(path, string.Empty);
        var half = text.Length / 2;
        await File.WriteAllTextAsync(path, text[..half]);
        await Task.Delay(100);
        await File.WriteAllTextAsync(path, text);
    }

    [Fact]
    public async Task A_valid_edit_is_applied_within_seconds_shown_by_GET_and_audited_once_as_the_file()
    {
        using var file = new TempFile(Original, "guardrails.yaml");
        await using var silo = await SiloAsync(file);
        var start = await GuardrailsAsync(silo);
        Assert.Equal(Original, start.GetProperty("yaml").GetString());
        Assert.Equal(1, start.GetProperty("version").GetInt64());

        var clock = Stopwatch.StartNew();
        await WriteInStepsAsync(file.FilePath, Edited);
        var audit = await UntilPolicyAuditAsync(silo, 2);
        var took = clock.Elapsed;

        Assert.Equal(2, audit.Length);
        Assert.All(audit, e => Assert.Equal(("file:guardrails.yaml", "ACCEPTED"), (e.GetProperty("actor").GetString(), e.GetProperty("decision").GetString())));
        Assert.True(took < TimeSpan.FromSeconds(5), $"applied after {took}");
        var now = await GuardrailsAsync(silo);
        Assert.Equal(Edited, now.GetProperty("yaml").GetString());
        Assert.Equal(OrleansNetOps.Governance.Guardrails.GuardrailsReader.Fingerprint(Edited), now.GetProperty("fingerprint").GetString());
        Assert.Equal(2, now.GetProperty("version").GetInt64());

        // The half-written file never got through: one record for the edit, no REJECTED one.
        await Task.Delay(GuardrailsFileWatcher.Debounce * 3);
        Assert.Equal(2, (await PolicyAuditAsync(silo)).Length);
    }

    [Fact]
    public async Task An_invalid_edit_keeps_the_running_policy_and_names_file_line_and_column()
    {
        using var file = new TempFile(Original, "guardrails.yaml");
        await using var silo = await SiloAsync(file);
        var before = (await GuardrailsAsync(silo)).GetProperty("fingerprint").GetString();

        await File.WriteAllTextAsync(file.FilePath, Broken);
        var entry = (await UntilPolicyAuditAsync(silo, 2))[^1];

        Assert.Equal("REJECTED", entry.GetProperty("decision").GetString());
        Assert.Equal("file:guardrails.yaml", entry.GetProperty("actor").GetString());
        Assert.Contains("guardrails.yaml:4:8: localPref.max:", entry.GetProperty("detail").GetRawText(), StringComparison.Ordinal);
        await UntilLoggedAsync(silo, LogLevel.Error, "guardrails.yaml:4:8: localPref.max:");
        Assert.Contains(silo.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("guardrails.yaml:4:8: localPref.max:", StringComparison.Ordinal));
        var now = await GuardrailsAsync(silo);
        Assert.Equal(before, now.GetProperty("fingerprint").GetString());
        Assert.Equal(Original, now.GetProperty("yaml").GetString());

        // Deleting the file keeps the policy too, and audits nothing.
        File.Delete(file.FilePath);
        await UntilLoggedAsync(silo, LogLevel.Warning, "cannot be read");
        Assert.Equal(before, (await GuardrailsAsync(silo)).GetProperty("fingerprint").GetString());
        Assert.Equal(2, (await PolicyAuditAsync(silo)).Length);
        Assert.Contains(silo.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("cannot be read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rewriting_the_same_content_adds_no_audit_entry()
    {
        using var file = new TempFile(Original, "guardrails.yaml");
        await using var silo = await SiloAsync(file);

        await File.WriteAllTextAsync(file.FilePath, Edited);
        Assert.Equal(2, (await UntilPolicyAuditAsync(silo, 2)).Length);

        // The same bytes again, from the file and then by PUT: both no-ops against the policy in force.
        await File.WriteAllTextAsync(file.FilePath, Edited);
        await UntilLoggedAsync(silo, LogLevel.Information, "holds the guardrails in force");
        await DecisionApiTests.SendAsync(silo, HttpMethod.Put, "/api/v1/guardrails", Admin, new { yaml = Edited });

        Assert.Equal(2, (await PolicyAuditAsync(silo)).Length);
        Assert.Contains(silo.Logs.Entries, e => e.Message.Contains("holds the guardrails in force", StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task A_restart_with_a_file_the_cluster_has_seen_keeps_the_stored_policy_and_a_new_file_is_applied_once()
    {
        var schema = "guardrails_" + Guid.NewGuid().ToString("N")[..12];
        using var file = new TempFile(Original, "guardrails.yaml");
        const string ByPut = "version: 2\nlocalPref:\n  min: 0\n  max: 200\n";
        await using (var first = await SiloAsync(file, schema))
        {
            await DecisionApiTests.SendAsync(first, HttpMethod.Put, "/api/v1/guardrails", Admin, new { yaml = ByPut });
            Assert.Equal(2, (await PolicyAuditAsync(first)).Length);
        }

        // The same file again: the stored, audited policy (the PUT) stays; nothing is audited.
        await using (var second = await SiloAsync(file, schema))
        {
            var now = await GuardrailsAsync(second);
            Assert.Equal((ByPut, 2L), (now.GetProperty("yaml").GetString(), now.GetProperty("version").GetInt64()));
            Assert.Equal(2, (await PolicyAuditAsync(second)).Length);
            Assert.Contains(second.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("already took", StringComparison.Ordinal));
        }

        // A file edited while the silo was down is new to the cluster: applied through the audited path, once.
        await File.WriteAllTextAsync(file.FilePath, Edited);
        await using var third = await SiloAsync(file, schema);
        var edited = await GuardrailsAsync(third);
        Assert.Equal((Edited, 3L), (edited.GetProperty("yaml").GetString(), edited.GetProperty("version").GetInt64()));
        var audit = await PolicyAuditAsync(third);
        Assert.Equal(["file:guardrails.yaml", "alice", "file:guardrails.yaml"], audit.Select(e => e.GetProperty("actor").GetString()!));
        Assert.All(audit, e => Assert.Equal("ACCEPTED", e.GetProperty("decision").GetString()));
    }
}
