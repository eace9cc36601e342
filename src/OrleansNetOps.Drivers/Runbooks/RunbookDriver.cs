using System.Collections.Immutable;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using OrleansNetOps.Drivers.Processes;

namespace OrleansNetOps.Drivers.Runbooks;

/// <summary>
/// Runs <c>RUNBOOK</c> actions: <see cref="DeviceAction.Target"/> names a <see cref="RunbookDefinition"/>, and
/// <see cref="DeviceAction.Fields"/> (plus <c>action.id</c> and <c>target</c>) fill its templates. Snapshot, render,
/// apply, read back, roll back and the idempotent execute map onto the runbook's snapshot, run, verify, undo and check
/// steps. Exit codes and HTTP statuses are checked, output is kept (bounded), every step has a timeout.
/// </summary>
public sealed class RunbookDriver : IDeviceDriver
{
    /// <summary>The driver's name in results and audit records.</summary>
    public const string DriverName = "runbook";

    private const int OutputLimit = 64 * 1024;
    private static readonly string[] s_methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];
    private readonly ImmutableSortedDictionary<string, RunbookDefinition> _runbooks;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    /// <summary>Creates the driver.</summary>
    /// <param name="runbooks">The runbooks it may run, by name.</param>
    /// <param name="http">The client for HTTP steps (its own timeout is not used: each step has one).</param>
    /// <param name="time">The clock for timestamps.</param>
    public RunbookDriver(IEnumerable<RunbookDefinition> runbooks, HttpClient http, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(runbooks);
        ArgumentNullException.ThrowIfNull(http);
        _runbooks = runbooks.ToImmutableSortedDictionary(r => r.Name, r => r, StringComparer.Ordinal);
        _http = http;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Name => DriverName;

    /// <inheritdoc />
    public bool Handles(DeviceAction action) => action is { Action: DeviceAction.Runbook } && _runbooks.ContainsKey(action.Target);

    /// <inheritdoc />
    public async Task<DeviceSnapshot> SnapshotAsync(DeviceAction action, CancellationToken cancellationToken = default)
    {
        var runbook = Runbook(action);
        var fields = Fields(action);
        var text = string.Empty;
        if (runbook.Snapshot is { } step)
        {
            var prepared = Prepare(action.Target, step, fields, "snapshot");
            var outcome = await RunAsync(prepared, cancellationToken).ConfigureAwait(false);
            text = outcome.Succeeded ? outcome.Output : throw Failed(action.Target, prepared, outcome);
        }

        return DeviceSnapshot.Of(action.Target, Name, _time.GetUtcNow(), text) with { Fields = fields };
    }

    /// <inheritdoc />
    public Task<DeviceChange> RenderAsync(DeviceAction action, DeviceSnapshot baseline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        return Task.FromResult(Render(action, baseline.Id));
    }

    /// <inheritdoc />
    public async Task<ApplyResult> ApplyAsync(DeviceChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var runbook = Runbook(change.Action);
        var prepared = Prepare(change.Action.Target, runbook.Run, Fields(change.Action), "run");
        var at = _time.GetUtcNow();
        var outcome = await RunAsync(prepared, cancellationToken).ConfigureAwait(false);
        return outcome.Succeeded
            ? new ApplyResult(change.Action.Target, prepared.Lines, outcome.Log, Touched: true, at, outcome.Duration)
            : throw Failed(change.Action.Target, prepared, outcome);
    }

    /// <inheritdoc />
    public async Task<ReadBack> ReadBackAsync(DeviceChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var runbook = Runbook(change.Action);
        if (runbook.Verify is not { } verify)
        {
            return new ReadBack(change.Action.Target, DeviceSnapshot.IdOf(string.Empty), [], [], _time.GetUtcNow());
        }

        var prepared = Prepare(change.Action.Target, verify, Fields(change.Action), "verify");
        var outcome = await RunAsync(prepared, cancellationToken).ConfigureAwait(false);
        var expectation = change.Expectations.FirstOrDefault() ?? Expectation(prepared);
        return new ReadBack(change.Action.Target, DeviceSnapshot.IdOf(outcome.Output),
            outcome.Succeeded ? [expectation] : [], outcome.Succeeded ? [] : [expectation], _time.GetUtcNow());
    }

    /// <inheritdoc />
    public async Task<RollbackResult> RollbackAsync(DeviceSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var action = new DeviceAction(snapshot.Fields.GetValueOrDefault("action.id", "rollback"), snapshot.Target, DeviceAction.Runbook, new()) { Fields = snapshot.Fields };
        var runbook = Runbook(action);
        if (runbook.Undo is not { } undo)
        {
            return new RollbackResult(snapshot, $"runbook {runbook.Name} has no undo step; nothing was restored", snapshot.Id,
                [$"runbook {runbook.Name} cannot be undone"], _time.GetUtcNow());
        }

        var fields = snapshot.Fields.SetItem("snapshot", snapshot.Text.Trim());
        var prepared = Prepare(snapshot.Target, undo, fields, "undo");
        var outcome = await RunAsync(prepared, cancellationToken).ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            throw Failed(snapshot.Target, prepared, outcome);
        }

        if (runbook.Snapshot is null)
        {
            return new RollbackResult(snapshot, outcome.Output + "\n(state not re-read: the runbook has no snapshot step)", snapshot.Id, [], _time.GetUtcNow());
        }

        var now = await SnapshotAsync(action, cancellationToken).ConfigureAwait(false);
        var differences = now.Id == snapshot.Id ? ImmutableArray<string>.Empty : [$"- {snapshot.Text.Trim()}", $"+ {now.Text.Trim()}"];
        return new RollbackResult(snapshot, outcome.Output, now.Id, differences, _time.GetUtcNow());
    }

    /// <inheritdoc />
    public async Task<ExecutionResult> ExecuteAsync(DeviceAction action, DeviceSnapshot baseline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var change = Render(action, baseline.Id);
        var runbook = Runbook(action);
        var missing = change.Expectations;
        if (runbook.Check is { } check)
        {
            var prepared = Prepare(action.Target, check, Fields(action), "check");
            if ((await RunAsync(prepared, cancellationToken).ConfigureAwait(false)).Succeeded)
            {
                missing = [];
            }
        }

        var apply = missing.IsEmpty && runbook.Check is not null
            ? new ApplyResult(action.Target, [], "already in place (the check step succeeded)", Touched: false, _time.GetUtcNow(), TimeSpan.Zero)
            : await ApplyAsync(change, cancellationToken).ConfigureAwait(false);
        var readBack = await ReadBackAsync(change, cancellationToken).ConfigureAwait(false);
        return new ExecutionResult(change, missing, apply, readBack);
    }

    private DeviceChange Render(DeviceAction action, string baselineId)
    {
        var runbook = Runbook(action);
        var fields = Fields(action);
        var run = Prepare(action.Target, runbook.Run, fields, "run");
        var warnings = new List<string>();
        if (runbook.Undo is null)
        {
            warnings.Add($"runbook {runbook.Name} has no undo step: a rollback cannot restore anything");
        }

        if (runbook.Check is null)
        {
            warnings.Add($"runbook {runbook.Name} has no check step: executing it again runs it again");
        }

        ImmutableArray<DeviceExpectation> expectations = runbook.Verify is { } verify ? [Expectation(Prepare(action.Target, verify, fields, "verify"))] : [];
        return new DeviceChange(action, Name, baselineId, run.Lines, expectations, [.. warnings]);
    }

    private static DeviceExpectation Expectation(Prepared verify) =>
        new([], "verify succeeds: " + string.Join(" ", verify.Lines), Present: true);

    private RunbookDefinition Runbook(DeviceAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.Action != DeviceAction.Runbook)
        {
            throw new DeviceActionRejectedException(action.Target, [$"action: '{action.Action}' is not {DeviceAction.Runbook}"]);
        }

        return _runbooks.GetValueOrDefault(action.Target)
            ?? throw new DeviceActionRejectedException(action.Target, [$"target: '{action.Target}' is not a runbook (runbooks: {string.Join(", ", _runbooks.Keys)})"]);
    }

    private static ImmutableSortedDictionary<string, string> Fields(DeviceAction action) =>
        action.Fields.SetItem("action.id", action.Id).SetItem("target", action.Target);

    private static Prepared Prepare(string target, RunbookStep step, IReadOnlyDictionary<string, string> fields, string where)
    {
        var errors = new List<string>();
        var expect = step.ExpectOutput is { } e ? RunbookTemplate.Expand(e, fields, TemplateEncoding.Raw, $"{where}.expectOutput", errors) : null;
        Prepared prepared;
        switch (step)
        {
            case ScriptRunbookStep script:
                var arguments = script.Arguments.Select((a, i) => RunbookTemplate.Expand(a, fields, TemplateEncoding.Raw, Invariant($"{where}.arguments[{i}]"), errors)).ToImmutableArray();
                var environment = script.Environment.ToImmutableSortedDictionary(
                    p => p.Key, p => RunbookTemplate.Expand(p.Value, fields, TemplateEncoding.Raw, $"{where}.environment.{p.Key}", errors), StringComparer.Ordinal);
                var run = new ProcessRun(script.Program, arguments)
                {
                    Timeout = step.Timeout,
                    OutputLimit = OutputLimit,
                    Environment = environment,
                    WorkingDirectory = script.WorkingDirectory,
                };
                prepared = new Prepared(step, [run.ToString()], run, null, expect);
                break;

            case HttpRunbookStep http:
                var method = http.Method.Trim().ToUpperInvariant();
                if (!s_methods.Contains(method))
                {
                    errors.Add($"{where}.method: '{http.Method}' is not one of {string.Join(", ", s_methods)}");
                }

                var url = RunbookTemplate.Expand(http.Url, fields, TemplateEncoding.UrlComponent, $"{where}.url", errors);
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                {
                    errors.Add($"{where}.url: '{url}' is not an absolute http(s) URL");
                }

                var headers = http.Headers.ToImmutableSortedDictionary(
                    p => p.Key, p => RunbookTemplate.Expand(p.Value, fields, TemplateEncoding.HeaderValue, $"{where}.headers.{p.Key}", errors), StringComparer.OrdinalIgnoreCase);
                var json = http.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase);
                var body = http.Body is { } b ? RunbookTemplate.Expand(b, fields, json ? TemplateEncoding.Json : TemplateEncoding.Raw, $"{where}.body", errors) : null;

                // Header values may be credentials: the lines that reach the audit trail name them only.
                var lines = ImmutableArray.Create($"{method} {url}").AddRange(headers.Keys.Select(h => $"{h}: (set)"));
                if (body is not null)
                {
                    lines = lines.Add($"Content-Type: {http.ContentType}").Add(body);
                }

                prepared = new Prepared(step, lines, null, new HttpCall(method, uri!, headers, body, http.ContentType, http.SuccessStatuses), expect);
                break;

            default:
                throw new NotSupportedException($"{step?.GetType().Name} is not a runbook step");
        }

        return errors.Count == 0 ? prepared : throw new DeviceActionRejectedException(target, errors);
    }

    private async Task<StepOutcome> RunAsync(Prepared prepared, CancellationToken cancellationToken)
    {
        if (prepared.Process is { } process)
        {
            var outcome = await ProcessRunner.RunAsync(process, cancellationToken).ConfigureAwait(false);
            var output = outcome.Output + (outcome.Error.Length > 0 ? "\n[stderr]\n" + outcome.Error : string.Empty);
            var ok = !outcome.TimedOut && ((ScriptRunbookStep)prepared.Step).SuccessExitCodes.Contains(outcome.ExitCode);
            var detail = outcome.TimedOut
                ? Invariant($"timed out after {prepared.Step.Timeout.TotalSeconds:0.#} s")
                : Invariant($"exit code {outcome.ExitCode}");
            return Checked(new StepOutcome(ok, outcome.Output, output.Trim(), detail, outcome.Duration), prepared);
        }

        var call = prepared.Http!;
        var started = _time.GetTimestamp();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(prepared.Step.Timeout);
        using var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Uri);
        foreach (var (name, value) in call.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (call.Body is { } body)
        {
            request.Content = new StringContent(body, Encoding.UTF8, MediaTypeHeaderValue.Parse(call.ContentType).MediaType!);
        }

        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token).ConfigureAwait(false);
            var text = await ReadBoundedAsync(response.Content, limit.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var ok = call.SuccessStatuses.IsEmpty ? status is >= 200 and < 300 : call.SuccessStatuses.Contains(status);
            return Checked(new StepOutcome(ok, text, Invariant($"HTTP {status} {response.ReasonPhrase}\n{text}").Trim(), Invariant($"HTTP status {status}"), _time.GetElapsedTime(started)), prepared);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new StepOutcome(false, string.Empty, string.Empty, Invariant($"timed out after {prepared.Step.Timeout.TotalSeconds:0.#} s"), _time.GetElapsedTime(started));
        }
        catch (HttpRequestException failure)
        {
            return new StepOutcome(false, string.Empty, string.Empty, $"request failed: {failure.Message}", _time.GetElapsedTime(started));
        }
    }

    private static StepOutcome Checked(StepOutcome outcome, Prepared prepared) =>
        outcome.Succeeded && prepared.Expect is { } expect && !outcome.Output.Contains(expect, StringComparison.Ordinal)
            ? outcome with { Succeeded = false, Detail = $"{outcome.Detail}, but the output does not contain '{expect}'" }
            : outcome;

    private static async Task<string> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[OutputLimit];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        return Encoding.UTF8.GetString(buffer, 0, total);
    }

    private static DeviceCommandFailedException Failed(string target, Prepared prepared, StepOutcome outcome) =>
        new(target, prepared.Lines, $"{prepared.Lines[0]}: {outcome.Detail}" + (outcome.Log.Length > 0 ? $"\n{outcome.Log}" : string.Empty));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Prepared(RunbookStep Step, ImmutableArray<string> Lines, ProcessRun? Process, HttpCall? Http, string? Expect);

    private sealed record HttpCall(string Method, Uri Uri, ImmutableSortedDictionary<string, string> Headers, string? Body, string ContentType, ImmutableArray<int> SuccessStatuses);

    private sealed record StepOutcome(bool Succeeded, string Output, string Log, string Detail, TimeSpan Duration);
}
