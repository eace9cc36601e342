using System.Collections.Immutable;

namespace OrleansNetOps.Drivers;

/// <summary>An action rendered for one device: exactly what would be sent, and what must hold afterwards.</summary>
/// <param name="Action">The action.</param>
/// <param name="Driver">The driver that rendered it.</param>
/// <param name="BaselineId">The snapshot it was rendered against.</param>
/// <param name="Commands">The exact commands, in order (for FRR, one vtysh line each).</param>
/// <param name="Expectations">What the read-back checks.</param>
/// <param name="Warnings">Caveats (e.g. configuration the model does not understand and leaves alone).</param>
public sealed record DeviceChange(
    DeviceAction Action,
    string Driver,
    string BaselineId,
    ImmutableArray<string> Commands,
    ImmutableArray<DeviceExpectation> Expectations,
    ImmutableArray<string> Warnings)
{
    /// <summary>Commands run after the configuration commands that leave no configuration behind (e.g. <c>clear bgp * soft</c>).</summary>
    public ImmutableArray<string> OperationalCommands { get; init; } = [];

    /// <summary>True when the action changes nothing (<c>NO_ACTION</c>, or already the baseline's state).</summary>
    public bool IsEmpty => Commands.IsEmpty && OperationalCommands.IsEmpty;
}
