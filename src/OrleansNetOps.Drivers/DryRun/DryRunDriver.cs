using System.Collections.Immutable;

namespace OrleansNetOps.Drivers.DryRun;

/// <summary>
/// Shows exactly what a real driver would send and sends nothing: rendering, snapshots and read-backs go to the
/// wrapped driver (they only read), applies, executes and rollbacks are recorded in <see cref="Records"/> and
/// answered with <see cref="ApplyResult.Touched"/> false.
/// </summary>
public sealed class DryRunDriver : IDeviceDriver
{
    /// <summary>The driver's name in results and audit records.</summary>
    public const string DriverName = "dry-run";

    private readonly IDeviceDriver _renderer;
    private readonly TimeProvider _time;
    private ImmutableList<DryRunRecord> _records = [];

    /// <summary>Creates a dry run of <paramref name="renderer"/>.</summary>
    public DryRunDriver(IDeviceDriver renderer, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        _renderer = renderer;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Name => DriverName;

    /// <summary>Everything it would have done, oldest first.</summary>
    public ImmutableList<DryRunRecord> Records => _records;

    /// <inheritdoc />
    public bool Handles(DeviceAction action) => _renderer.Handles(action);

    /// <inheritdoc />
    public Task<DeviceSnapshot> SnapshotAsync(DeviceAction action, CancellationToken cancellationToken = default) =>
        _renderer.SnapshotAsync(action, cancellationToken);

    /// <inheritdoc />
    public async Task<DeviceChange> RenderAsync(DeviceAction action, DeviceSnapshot baseline, CancellationToken cancellationToken = default)
    {
        var change = await _renderer.RenderAsync(action, baseline, cancellationToken).ConfigureAwait(false);
        Record("render", change);
        return change with { Driver = Name };
    }

    /// <inheritdoc />
    public Task<ApplyResult> ApplyAsync(DeviceChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        Record("apply", change);
        return Task.FromResult(NotSent(change));
    }

    /// <inheritdoc />
    public Task<ReadBack> ReadBackAsync(DeviceChange change, CancellationToken cancellationToken = default) =>
        _renderer.ReadBackAsync(change, cancellationToken);

    /// <inheritdoc />
    public Task<RollbackResult> RollbackAsync(DeviceSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var now = _time.GetUtcNow();
        ImmutableInterlocked.Update(ref _records, r => r.Add(new DryRunRecord(now, "rollback", snapshot.Target, null, [$"restore snapshot {snapshot.Id}"])));

        // Nothing was applied, so there is nothing to undo: the device is where the snapshot left it.
        return Task.FromResult(new RollbackResult(snapshot, $"dry run: snapshot {snapshot.Id} not restored (nothing was sent)", snapshot.Id, [], now));
    }

    /// <inheritdoc />
    public async Task<ExecutionResult> ExecuteAsync(DeviceAction action, DeviceSnapshot baseline, CancellationToken cancellationToken = default)
    {
        var change = await _renderer.RenderAsync(action, baseline, cancellationToken).ConfigureAwait(false) with { Driver = Name };
        Record("execute", change);
        var readBack = await _renderer.ReadBackAsync(change, cancellationToken).ConfigureAwait(false);
        return new ExecutionResult(change, readBack.Failed, NotSent(change), readBack);
    }

    private ApplyResult NotSent(DeviceChange change)
    {
        var lines = change.Commands.AddRange(change.OperationalCommands);
        var output = lines.IsEmpty ? "dry run: nothing to send" : "dry run: would send\n" + string.Join('\n', lines);
        return new ApplyResult(change.Action.Target, [], output, Touched: false, _time.GetUtcNow(), TimeSpan.Zero);
    }

    private void Record(string operation, DeviceChange change)
    {
        var record = new DryRunRecord(_time.GetUtcNow(), operation, change.Action.Target, change.Action.Id, change.Commands.AddRange(change.OperationalCommands));
        ImmutableInterlocked.Update(ref _records, r => r.Add(record));
    }
}
