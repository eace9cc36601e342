using System.Collections.Immutable;

namespace OrleansNetOps.Drivers.PerRouter;

/// <summary>
/// The one driver the resolver talks to: a <c>RUNBOOK</c> action goes to the runbook driver, every other call to the
/// driver chosen for its router (topology.yaml's <c>driver:</c>), a router without a choice to <see cref="Fallback"/>.
/// It keeps no state of its own, so the resolver's snapshot, execute, verify and rollback steps land on the same
/// driver after a restart.
/// </summary>
public sealed class PerRouterDriver : IDeviceDriver
{
    /// <summary>The composite's own name; audit records name the driver that did the work (<see cref="For(DeviceAction)"/>).</summary>
    public const string DriverName = "per-router";

    private readonly ImmutableSortedDictionary<string, IDeviceDriver> _routers;
    private readonly IDeviceDriver? _runbooks;

    /// <summary>Creates the driver.</summary>
    /// <param name="routers">The driver of each router, by topology id.</param>
    /// <param name="fallback">The driver of any other target (a router without a choice, <c>NO_ACTION</c> on no router).</param>
    /// <param name="runbooks">The driver of <c>RUNBOOK</c> actions; null when no runbook is configured (they are then not handled).</param>
    public PerRouterDriver(IEnumerable<KeyValuePair<string, IDeviceDriver>> routers, IDeviceDriver fallback, IDeviceDriver? runbooks = null)
    {
        ArgumentNullException.ThrowIfNull(routers);
        ArgumentNullException.ThrowIfNull(fallback);
        _routers = routers.ToImmutableSortedDictionary(StringComparer.Ordinal);
        Fallback = fallback;
        _runbooks = runbooks;
    }

    /// <inheritdoc />
    public string Name => DriverName;

    /// <summary>The driver of targets without their own.</summary>
    public IDeviceDriver Fallback { get; }

    /// <summary>The driver that changes <paramref name="target"/>.</summary>
    public IDeviceDriver For(string? target) => _routers.GetValueOrDefault(target ?? string.Empty) ?? Fallback;

    /// <summary>The driver that runs <paramref name="action"/>: the runbook driver for a runbook, else its router's.</summary>
    public IDeviceDriver For(DeviceAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Action == DeviceAction.Runbook && _runbooks is not null ? _runbooks : For(action.Target);
    }

    /// <summary>The driver that restores <paramref name="snapshot"/>: the one that took it.</summary>
    public IDeviceDriver For(DeviceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return _runbooks is not null && snapshot.Driver == _runbooks.Name ? _runbooks : For(snapshot.Target);
    }

    /// <inheritdoc />
    public bool Handles(DeviceAction action) => action is not null && For(action).Handles(action);

    /// <inheritdoc />
    public Task<DeviceSnapshot> SnapshotAsync(DeviceAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        return For(action).SnapshotAsync(action, cancellationToken);
    }

    /// <inheritdoc />
    public Task<DeviceChange> RenderAsync(DeviceAction action, DeviceSnapshot baseline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        return For(action).RenderAsync(action, baseline, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ApplyResult> ApplyAsync(DeviceChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return For(change.Action).ApplyAsync(change, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ReadBack> ReadBackAsync(DeviceChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return For(change.Action).ReadBackAsync(change, cancellationToken);
    }

    /// <inheritdoc />
    public Task<RollbackResult> RollbackAsync(DeviceSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return For(snapshot).RollbackAsync(snapshot, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ExecutionResult> ExecuteAsync(DeviceAction action, DeviceSnapshot baseline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        return For(action).ExecuteAsync(action, baseline, cancellationToken);
    }
}
