using System.Collections.Immutable;

namespace OrleansNetOps.Drivers.PerRouter;

/// <summary>
/// The one driver the resolver talks to: each call goes to the driver chosen for its router (topology.yaml's
/// <c>driver:</c>), a router without a choice to <see cref="Fallback"/>. It keeps no state of its own, so the
/// resolver's snapshot, execute, verify and rollback steps land on the same device driver after a restart.
/// </summary>
public sealed class PerRouterDriver : IDeviceDriver
{
    /// <summary>The driver's name in audit records; each result's <see cref="DeviceChange.Driver"/> names the device driver that did the work.</summary>
    public const string DriverName = "per-router";

    private readonly ImmutableSortedDictionary<string, IDeviceDriver> _routers;

    /// <summary>Creates the driver.</summary>
    /// <param name="routers">The driver of each router, by topology id.</param>
    /// <param name="fallback">The driver of any other target (a router without a choice, <c>NO_ACTION</c> on no router).</param>
    public PerRouterDriver(IEnumerable<KeyValuePair<string, IDeviceDriver>> routers, IDeviceDriver fallback)
    {
        ArgumentNullException.ThrowIfNull(routers);
        ArgumentNullException.ThrowIfNull(fallback);
        _routers = routers.ToImmutableSortedDictionary(StringComparer.Ordinal);
        Fallback = fallback;
    }

    /// <inheritdoc />
    public string Name => DriverName;

    /// <summary>The driver of targets without their own.</summary>
    public IDeviceDriver Fallback { get; }

    /// <summary>The driver that changes <paramref name="target"/>.</summary>
    public IDeviceDriver For(string? target) => _routers.GetValueOrDefault(target ?? string.Empty) ?? Fallback;

    /// <inheritdoc />
    public bool Handles(DeviceAction action) => action is not null && For(action.Target).Handles(action);

    /// <inheritdoc />
    public Task<DeviceSnapshot> SnapshotAsync(DeviceAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        return For(action.Target).SnapshotAsync(action, cancellationToken);
    }

    /// <inheritdoc />
    public Task<DeviceChange> RenderAsync(DeviceAction action, DeviceSnapshot baseline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        return For(action.Target).RenderAsync(action, baseline, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ApplyResult> ApplyAsync(DeviceChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return For(change.Action.Target).ApplyAsync(change, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ReadBack> ReadBackAsync(DeviceChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return For(change.Action.Target).ReadBackAsync(change, cancellationToken);
    }

    /// <inheritdoc />
    public Task<RollbackResult> RollbackAsync(DeviceSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return For(snapshot.Target).RollbackAsync(snapshot, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ExecutionResult> ExecuteAsync(DeviceAction action, DeviceSnapshot baseline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        var driver = For(action.Target);
        var result = await driver.ExecuteAsync(action, baseline, cancellationToken).ConfigureAwait(false);

        // The resolver records this driver's name; the output says which device driver did the work.
        return result with { Apply = result.Apply with { Output = $"{driver.Name} on {action.Target}: {result.Apply.Output}" } };
    }
}
