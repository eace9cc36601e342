using System.Collections.Immutable;
using OrleansNetOps.Drivers.DryRun;
using OrleansNetOps.Drivers.Runbooks;

namespace OrleansNetOps.Drivers.Tests.Runbooks;

/// <summary>
/// Seed 001's deployment rollback as a script runbook: a real bash tool (<c>deployctl</c>) run with an argv built from
/// the incident's fields; exit codes, output and timeouts checked; snapshot, check, verify and undo steps.
/// </summary>
public sealed class ScriptRunbookTests : IDisposable
{
    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("netops-runbook-");
    private readonly HttpClient _http = new();

    public ScriptRunbookTests() => File.WriteAllText(Path.Combine(_state.FullName, "trading-api.version"), "2.5.0");

    private static string Tool => Path.Combine(AppContext.BaseDirectory, "Runbooks", "deployctl");

    private ScriptRunbookStep Step(params string[] arguments) => new("/bin/bash", [Tool, _state.FullName, .. arguments]);

    private RunbookDefinition Rollback => new("rollback-deployment", Step("rollback", "{{service}}", "{{previousVersion}}", "{{incident.id}}"))
    {
        Snapshot = Step("current", "{{service}}"),
        Check = Step("is-at", "{{service}}", "{{previousVersion}}"),
        Verify = Step("is-at", "{{service}}", "{{previousVersion}}"),
        Undo = Step("rollback", "{{service}}", "{{snapshot}}", "{{incident.id}}"),
    };

    private static DeviceAction Action(string previousVersion = "2.4.1") => new("act-7", "rollback-deployment", DeviceAction.Runbook, new())
    {
        Fields = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["incident.id"] = "INC-7",
            ["service"] = "trading-api",
            ["previousVersion"] = previousVersion,
        }),
    };

    private string Version => File.ReadAllText(Path.Combine(_state.FullName, "trading-api.version"));

    [Fact]
    public async Task A_deployment_rollback_runs_verifies_is_idempotent_and_undoes()
    {
        var driver = new RunbookDriver([Rollback], _http);
        var action = Action();

        var snapshot = await driver.SnapshotAsync(action);
        Assert.Equal("2.5.0", snapshot.Text);
        Assert.Equal("trading-api", snapshot.Fields["service"]);

        var change = await driver.RenderAsync(action, snapshot);
        Assert.Equal($"/bin/bash {Tool} {_state.FullName} rollback trading-api 2.4.1 INC-7", Assert.Single(change.Commands));
        Assert.Empty(change.Warnings);

        var result = await driver.ExecuteAsync(action, snapshot);
        Assert.True(result.Apply.Touched);
        Assert.True(result.ReadBack.Confirmed);
        Assert.Equal("2.4.1", Version);
        Assert.Contains("rolled trading-api back to 2.4.1 (incident INC-7)", result.Apply.Output, StringComparison.Ordinal);
        Assert.Contains("[stderr]\ndeployctl: 1 instance group updated", result.Apply.Output, StringComparison.Ordinal);

        // The check step finds the remedy in place: nothing runs twice.
        var again = await driver.ExecuteAsync(action, snapshot);
        Assert.False(again.Apply.Touched);
        Assert.True(again.WasAlreadyPresent);
        Assert.Single(File.ReadAllLines(Path.Combine(_state.FullName, "argv.log")), l => l == "rollback");

        var rollback = await driver.RollbackAsync(snapshot);
        Assert.True(rollback.Restored, string.Join('\n', rollback.Differences));
        Assert.Equal("2.5.0", Version);
    }

    [Fact]
    public async Task Fields_reach_the_script_as_single_arguments_and_are_never_run_by_a_shell()
    {
        var driver = new RunbookDriver([Rollback], _http);
        var marker = Path.Combine(_state.FullName, "pwned");
        var hostile = $"2.4.1; touch {marker} $(touch {marker}) `touch {marker}` \"quoted\" 'single'";
        var action = Action(hostile);

        await driver.ApplyAsync(await driver.RenderAsync(action, await driver.SnapshotAsync(action)));

        Assert.False(File.Exists(marker));
        Assert.Equal(hostile, Version);
        var log = File.ReadAllLines(Path.Combine(_state.FullName, "argv.log"));
        var call = Array.LastIndexOf(log, "--- 4");
        Assert.Equal<string>(["rollback", "trading-api", hostile, "INC-7"], log[(call + 1)..(call + 5)]);
    }

    [Fact]
    public async Task A_failing_exit_code_is_reported_with_the_scripts_output()
    {
        var driver = new RunbookDriver([new RunbookDefinition("broken", Step("fail"))], _http);
        var action = new DeviceAction("act-8", "broken", DeviceAction.Runbook, new());
        var change = await driver.RenderAsync(action, await driver.SnapshotAsync(action));

        var failure = await Assert.ThrowsAsync<DeviceCommandFailedException>(() => driver.ApplyAsync(change));
        Assert.Equal("broken", failure.Target);
        Assert.Contains("exit code 3", failure.Detail, StringComparison.Ordinal);
        Assert.Contains("quota exceeded", failure.Detail, StringComparison.Ordinal);
        Assert.Contains("runbook broken has no undo step: a rollback cannot restore anything", change.Warnings);
    }

    [Fact]
    public async Task A_script_past_its_timeout_is_killed_and_reported()
    {
        var driver = new RunbookDriver([new RunbookDefinition("stuck", Step("hang") with { Timeout = TimeSpan.FromSeconds(1) })], _http);
        var action = new DeviceAction("act-9", "stuck", DeviceAction.Runbook, new());
        var change = await driver.RenderAsync(action, await driver.SnapshotAsync(action));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<DeviceCommandFailedException>(() => driver.ApplyAsync(change));
        Assert.Contains("timed out after 1 s", failure.Detail, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_template_naming_an_unknown_field_is_rejected_before_anything_runs()
    {
        var driver = new RunbookDriver([Rollback with { Run = Step("rollback", "{{service}}", "{{targetVersion}}") }], _http);
        var action = Action();

        var rejected = await Assert.ThrowsAsync<DeviceActionRejectedException>(() => driver.ExecuteAsync(action, DeviceSnapshot.Of("rollback-deployment", "runbook", DateTimeOffset.UnixEpoch, "2.5.0")));
        Assert.Contains("run.arguments[4]: '{{targetVersion}}' names no field of the incident (fields: action.id, incident.id, previousVersion, service, target)", rejected.Errors);
        Assert.Equal("2.5.0", Version);

        var unknown = await Assert.ThrowsAsync<DeviceActionRejectedException>(() => driver.SnapshotAsync(action with { Target = "reboot-everything" }));
        Assert.Contains("target: 'reboot-everything' is not a runbook (runbooks: rollback-deployment)", unknown.Errors);
    }

    [Fact]
    public async Task The_dry_run_shows_the_argv_and_runs_nothing()
    {
        var dryRun = new DryRunDriver(new RunbookDriver([Rollback], _http));
        var action = Action();

        var result = await dryRun.ExecuteAsync(action, await dryRun.SnapshotAsync(action));

        Assert.False(result.Apply.Touched);
        Assert.Equal("2.5.0", Version);
        Assert.Equal($"/bin/bash {Tool} {_state.FullName} rollback trading-api 2.4.1 INC-7", Assert.Single(Assert.Single(dryRun.Records).Commands));
    }

    public void Dispose()
    {
        _http.Dispose();
        _state.Delete(recursive: true);
    }
}
