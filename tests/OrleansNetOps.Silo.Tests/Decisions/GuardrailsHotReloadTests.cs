using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OrleansNetOps.Silo.Auth;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Silo.Decisions;
using OrleansNetOps.Silo.Hosting;
using OrleansNetOps.Silo.Tests.Infrastructure;

namespace OrleansNetOps.Silo.Tests.Decisions;

/// <summary>A real silo watching a real <c>guardrails.yaml</c> in a temporary directory.</summary>
public sealed class GuardrailsHotReloadTests
{
    private const string Admin = "alice-key-0123456789";
    private const string Original = "version: 2\nlocalPref:\n  min: 0\n  max: 300\n";
    private const string Edited = "version: 2\nlocalPref:\n  min: 0\n  max: 250\n";

    // max is not a number: the reader names guardrails.yaml, line 4, column 8, localPref.max.
    private const string Broken = "version: 2\nlocalPref:\n  min: 0\n  max: lots\n";

    private static Task<TestSilo> SiloAsync(TempFile file)
    {
        var guardrails = GuardrailsFile.Load(file.FilePath, "guardrails.yaml");
        return TestSilo.StartAsync(new SiloHostOptions
        {
            Config = TestSilo.MemoryConfig(AuthMode.ApiKey, [new ApiKeyConfig { Name = "alice", Key = Admin, Roles = [Role.Admin] }]),
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
        Assert.Equal(Original, (await GuardrailsAsync(silo)).GetProperty("yaml").GetString());

        var clock = Stopwatch.StartNew();
        await WriteInStepsAsync(file.FilePath, Edited);
        var audit = await UntilPolicyAuditAsync(silo, 1);
        var took = clock.Elapsed;

        var entry = Assert.Single(audit);
        Assert.Equal("file:guardrails.yaml", entry.GetProperty("actor").GetString());
        Assert.Equal("ACCEPTED", entry.GetProperty("decision").GetString());
        Assert.True(took < TimeSpan.FromSeconds(5), $"applied after {took}");
        var now = await GuardrailsAsync(silo);
        Assert.Equal(Edited, now.GetProperty("yaml").GetString());
        Assert.Equal(OrleansNetOps.Governance.Guardrails.GuardrailsReader.Fingerprint(Edited), now.GetProperty("fingerprint").GetString());

        // The half-written file never got through: one record, no REJECTED one.
        await Task.Delay(GuardrailsFileWatcher.Debounce * 3);
        Assert.Single(await PolicyAuditAsync(silo));
    }

    [Fact]
    public async Task An_invalid_edit_keeps_the_running_policy_and_names_file_line_and_column()
    {
        using var file = new TempFile(Original, "guardrails.yaml");
        await using var silo = await SiloAsync(file);
        var before = (await GuardrailsAsync(silo)).GetProperty("fingerprint").GetString();

        await File.WriteAllTextAsync(file.FilePath, Broken);
        var entry = Assert.Single(await UntilPolicyAuditAsync(silo, 1));

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
        Assert.Single(await PolicyAuditAsync(silo));
        Assert.Contains(silo.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("cannot be read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rewriting_the_same_content_adds_no_audit_entry()
    {
        using var file = new TempFile(Original, "guardrails.yaml");
        await using var silo = await SiloAsync(file);

        await File.WriteAllTextAsync(file.FilePath, Edited);
        Assert.Single(await UntilPolicyAuditAsync(silo, 1));

        // The same bytes again, from the file and then by PUT: both no-ops against the policy in force.
        await File.WriteAllTextAsync(file.FilePath, Edited);
        await UntilLoggedAsync(silo, LogLevel.Information, "holds the guardrails in force");
        await DecisionApiTests.SendAsync(silo, HttpMethod.Put, "/api/v1/guardrails", Admin, new { yaml = Edited });

        Assert.Single(await PolicyAuditAsync(silo));
        Assert.Contains(silo.Logs.Entries, e => e.Message.Contains("holds the guardrails in force", StringComparison.Ordinal));
    }
}
