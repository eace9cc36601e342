using System.Collections.Immutable;
using OrleansNetOps.Bgp.Policy;

namespace OrleansNetOps.Drivers.Frr;

/// <summary>
/// The FRR driver: renders catalogue actions with <see cref="FrrChangeRenderer"/>, snapshots with
/// <c>show running-config</c>, sends vtysh lines, reads the running configuration back to confirm, and restores a
/// snapshot with FRR's own <c>frr-reload.py</c>. The same driver works through any <see cref="Transport.IVtyshTransport"/>.
/// </summary>
public sealed class FrrDriver : IDeviceDriver
{
    /// <summary>The driver's name in results and audit records.</summary>
    public const string DriverName = "frr";

    private const string ShowRunningConfig = "show running-config";
    private readonly ImmutableSortedDictionary<string, FrrDevice> _devices;
    private readonly TimeProvider _time;

    /// <summary>Creates the driver for <paramref name="devices"/>.</summary>
    /// <param name="devices">The routers it may change.</param>
    /// <param name="time">The clock for timestamps (default: the system's).</param>
    public FrrDriver(IEnumerable<FrrDevice> devices, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(devices);
        _devices = devices.ToImmutableSortedDictionary(d => d.Router, d => d, StringComparer.Ordinal);
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Name => DriverName;

    /// <inheritdoc />
    public bool Handles(DeviceAction action) =>
        action is not null && _devices.ContainsKey(action.Target) && TwinActionNames.TryParse(action.Action, out _);

    /// <inheritdoc />
    public async Task<DeviceSnapshot> SnapshotAsync(DeviceAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        var device = Device(action.Target);
        var text = await RunAsync(device, [ShowRunningConfig], cancellationToken).ConfigureAwait(false);
        return DeviceSnapshot.Of(device.Router, Name, _time.GetUtcNow(), text);
    }

    /// <inheritdoc />
    public Task<DeviceChange> RenderAsync(DeviceAction action, DeviceSnapshot baseline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        var device = Device(action.Target);
        return Task.FromResult(FrrChangeRenderer.Render(action, baseline, device.NeighborNames, Name));
    }

    /// <inheritdoc />
    public async Task<ApplyResult> ApplyAsync(DeviceChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return await SendAsync(Device(change.Action.Target), change.Commands, change.OperationalCommands, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<ReadBack> ReadBackAsync(DeviceChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var device = Device(change.Action.Target);
        var text = await RunAsync(device, [ShowRunningConfig], cancellationToken).ConfigureAwait(false);
        return Check(device, text, change.Expectations);
    }

    /// <inheritdoc />
    public async Task<RollbackResult> RollbackAsync(DeviceSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var device = Device(snapshot.Target);
        string log;
        try
        {
            log = await device.Transport.ReloadAsync(snapshot.Text, cancellationToken).ConfigureAwait(false);
        }
        catch (DeviceCommandFailedException failure)
        {
            throw new DeviceCommandFailedException(device.Router, failure.Commands, $"restoring snapshot {snapshot.Id}: {failure.Detail} (via {device.Transport.Endpoint})", failure);
        }

        var text = await RunAsync(device, [ShowRunningConfig], cancellationToken).ConfigureAwait(false);
        var wanted = FrrRunningConfig.Parse(snapshot.Text).Flatten().ToList();
        var current = FrrRunningConfig.Parse(text).Flatten().ToList();
        var differences = Without(wanted, current).Select(l => "- " + l).Concat(Without(current, wanted).Select(l => "+ " + l)).ToImmutableArray();
        return new RollbackResult(snapshot, log, DeviceSnapshot.IdOf(text), differences, _time.GetUtcNow());
    }

    /// <inheritdoc />
    public async Task<ExecutionResult> ExecuteAsync(DeviceAction action, DeviceSnapshot baseline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        var device = Device(action.Target);
        var change = FrrChangeRenderer.Render(action, baseline, device.NeighborNames, Name);
        var current = FrrRunningConfig.Parse(await RunAsync(device, [ShowRunningConfig], cancellationToken).ConfigureAwait(false));
        var missing = change.Expectations.Where(e => current.Contains(e.Context, e.Line) != e.Present).ToImmutableArray();

        // Operational commands leave nothing to read back: they run when the change is purely operational or when
        // configuration had to be sent (a re-run after a crash re-sends nothing and repeats no soft clear).
        var operational = missing.IsEmpty && !change.Expectations.IsEmpty ? [] : change.OperationalCommands;
        var apply = await SendAsync(device, FrrCommandText.For(missing), operational, cancellationToken).ConfigureAwait(false);
        var text = await RunAsync(device, [ShowRunningConfig], cancellationToken).ConfigureAwait(false);
        return new ExecutionResult(change, missing, apply, Check(device, text, change.Expectations));
    }

    private ReadBack Check(FrrDevice device, string text, ImmutableArray<DeviceExpectation> expectations)
    {
        var config = FrrRunningConfig.Parse(text);
        var held = expectations.Where(e => config.Contains(e.Context, e.Line) == e.Present).ToImmutableArray();
        var failed = expectations.Where(e => config.Contains(e.Context, e.Line) != e.Present).ToImmutableArray();
        return new ReadBack(device.Router, DeviceSnapshot.IdOf(text), held, failed, _time.GetUtcNow());
    }

    private async Task<ApplyResult> SendAsync(FrrDevice device, ImmutableArray<string> commands, ImmutableArray<string> operational, CancellationToken cancellationToken)
    {
        var at = _time.GetUtcNow();
        var started = _time.GetTimestamp();
        var output = new List<string>();
        if (!commands.IsEmpty)
        {
            output.Add(await RunAsync(device, commands, cancellationToken).ConfigureAwait(false));
        }

        if (!operational.IsEmpty)
        {
            output.Add(await RunAsync(device, operational, cancellationToken).ConfigureAwait(false));
        }

        var sent = commands.AddRange(operational);
        return new ApplyResult(device.Router, sent, string.Concat(output).Trim(), !sent.IsEmpty, at, _time.GetElapsedTime(started));
    }

    private static async Task<string> RunAsync(FrrDevice device, IReadOnlyList<string> commands, CancellationToken cancellationToken)
    {
        try
        {
            return await device.Transport.RunAsync(commands, cancellationToken).ConfigureAwait(false);
        }
        catch (DeviceCommandFailedException failure)
        {
            throw new DeviceCommandFailedException(device.Router, failure.Commands, $"{failure.Detail} (via {device.Transport.Endpoint})", failure);
        }
    }

    private FrrDevice Device(string target) =>
        _devices.GetValueOrDefault(target ?? string.Empty)
        ?? throw new DeviceActionRejectedException(target ?? "(none)", [$"target: '{target}' is not a router this FRR driver manages (routers: {string.Join(", ", _devices.Keys)})"]);

    // Multiset difference, so a line that appears twice in one and once in the other still shows.
    private static IEnumerable<string> Without(List<string> left, List<string> right)
    {
        var counts = right.GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var line in left)
        {
            if (counts.TryGetValue(line, out var n) && n > 0)
            {
                counts[line] = n - 1;
            }
            else
            {
                yield return line;
            }
        }
    }
}
