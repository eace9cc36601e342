using System.Collections.Immutable;

namespace OrleansNetOps.Drivers.Simulated;

/// <summary>
/// Carries changes to the embedded simulated network: its configuration is <see cref="SimulatedPolicy"/>, which the
/// simulator turns into routes (and BMP) at its next step. Idempotent like a real driver: it reads the router's lines
/// first and adds only what is missing.
/// </summary>
public sealed class SimulatedNetworkDriver(SimulatedPolicy policy, TimeProvider time) : IDeviceDriver
{
    /// <summary>The driver's name in results and audit records.</summary>
    public const string DriverName = "simulated";

    /// <inheritdoc />
    public string Name => DriverName;

    /// <inheritdoc />
    public bool Handles(DeviceAction action) => action is not null && action.Action != DeviceAction.Runbook;

    /// <inheritdoc />
    public Task<DeviceSnapshot> SnapshotAsync(DeviceAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Task.FromResult(DeviceSnapshot.Of(action.Target, Name, time.GetUtcNow(), policy.Text(action.Target)));
    }

    /// <inheritdoc />
    public Task<DeviceChange> RenderAsync(DeviceAction action, DeviceSnapshot baseline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(baseline);
        if (action.Action == "NO_ACTION")
        {
            return Task.FromResult(new DeviceChange(action, Name, baseline.Id, [], [], []));
        }

        var line = SimulatedPolicy.Line(action.Action, action.Parameters);
        var present = baseline.Text.Split('\n').Contains(line, StringComparer.Ordinal);
        var expectation = new DeviceExpectation([action.Target], line, true);
        return Task.FromResult(new DeviceChange(action, Name, baseline.Id, present ? [] : [line], [expectation], []));
    }

    /// <inheritdoc />
    public Task<ApplyResult> ApplyAsync(DeviceChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var at = time.GetUtcNow();
        var sent = change.Commands.Where(line => policy.Add(change.Action.Target, line)).ToImmutableArray();
        return Task.FromResult(new ApplyResult(change.Action.Target, sent, sent.IsEmpty ? "nothing to send" : $"{sent.Length} line(s) added", !sent.IsEmpty, at, time.GetUtcNow() - at));
    }

    /// <inheritdoc />
    public Task<ReadBack> ReadBackAsync(DeviceChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var text = policy.Text(change.Action.Target);
        var lines = text.Split('\n');
        var held = change.Expectations.Where(e => lines.Contains(e.Line, StringComparer.Ordinal) == e.Present).ToImmutableArray();
        return Task.FromResult(new ReadBack(change.Action.Target, DeviceSnapshot.IdOf(text), held, change.Expectations.Except(held).ToImmutableArray(), time.GetUtcNow()));
    }

    /// <inheritdoc />
    public Task<RollbackResult> RollbackAsync(DeviceSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        policy.Restore(snapshot.Target, snapshot.Text);
        var now = policy.Text(snapshot.Target);
        var stateId = DeviceSnapshot.IdOf(now);
        return Task.FromResult(new RollbackResult(snapshot, $"restored {snapshot.Id}", stateId,
            stateId == snapshot.Id ? [] : ["the configuration differs from the snapshot after the restore"], time.GetUtcNow()));
    }

    /// <inheritdoc />
    public async Task<ExecutionResult> ExecuteAsync(DeviceAction action, DeviceSnapshot baseline, CancellationToken cancellationToken = default)
    {
        // Render against what the router has now, not the baseline: after a crash the line may already be there.
        var current = await SnapshotAsync(action, cancellationToken).ConfigureAwait(false);
        var change = await RenderAsync(action, current, cancellationToken).ConfigureAwait(false);
        var missing = change.Commands.Select(c => new DeviceExpectation([action.Target], c, true)).ToImmutableArray();
        var apply = await ApplyAsync(change, cancellationToken).ConfigureAwait(false);
        var readBack = await ReadBackAsync(change with { BaselineId = baseline.Id }, cancellationToken).ConfigureAwait(false);
        return new ExecutionResult(change with { BaselineId = baseline.Id }, missing, apply, readBack);
    }
}
