namespace OrleansNetOps.Drivers;

/// <summary>
/// Carries a proven change to a device and can take it back. The resolver's workflow is, in order:
/// <see cref="SnapshotAsync"/> (persist the snapshot), <see cref="ExecuteAsync"/> (persist the result),
/// verify, and <see cref="RollbackAsync"/> when verification fails. Every result is a record that may be
/// persisted as it is; nothing here keeps state between calls.
/// </summary>
public interface IDeviceDriver
{
    /// <summary>A short name for audit records (<c>frr</c>, <c>dry-run</c>, <c>runbook</c>).</summary>
    string Name { get; }

    /// <summary>Whether this driver knows <paramref name="action"/>'s target and kind.</summary>
    bool Handles(DeviceAction action);

    /// <summary>
    /// Captures the state of <paramref name="action"/>'s target (for FRR, <c>show running-config</c>) so that the
    /// change can be undone exactly. Take it, and persist it, before the first <see cref="ExecuteAsync"/>.
    /// </summary>
    Task<DeviceSnapshot> SnapshotAsync(DeviceAction action, CancellationToken cancellationToken = default);

    /// <summary>
    /// The exact commands <paramref name="action"/> needs on the device whose state is <paramref name="baseline"/>,
    /// and what must hold afterwards. Pure with respect to the device: nothing is read or sent.
    /// </summary>
    /// <exception cref="DeviceActionRejectedException">The action or its parameters are invalid for this device.</exception>
    Task<DeviceChange> RenderAsync(DeviceAction action, DeviceSnapshot baseline, CancellationToken cancellationToken = default);

    /// <summary>Sends <paramref name="change"/>'s commands as they are (not idempotent; see <see cref="ExecuteAsync"/>).</summary>
    /// <exception cref="DeviceCommandFailedException">The device refused a command; part of the change may be in place.</exception>
    Task<ApplyResult> ApplyAsync(DeviceChange change, CancellationToken cancellationToken = default);

    /// <summary>Reads the device again and checks that every expectation of <paramref name="change"/> holds.</summary>
    Task<ReadBack> ReadBackAsync(DeviceChange change, CancellationToken cancellationToken = default);

    /// <summary>Restores <paramref name="snapshot"/> and reports whether the device's state equals it again.</summary>
    Task<RollbackResult> RollbackAsync(DeviceSnapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>
    /// The idempotent path: renders <paramref name="action"/> against <paramref name="baseline"/>, reads the device,
    /// sends only what is missing (nothing when the change is already there), and reads back. Running it again after
    /// a crash, with the same persisted baseline, changes nothing twice.
    /// </summary>
    /// <exception cref="DeviceActionRejectedException">The action or its parameters are invalid for this device.</exception>
    /// <exception cref="DeviceCommandFailedException">The device refused a command.</exception>
    Task<ExecutionResult> ExecuteAsync(DeviceAction action, DeviceSnapshot baseline, CancellationToken cancellationToken = default);
}
