namespace OrleansNetOps.Drivers.Transport;

/// <summary>
/// How the FRR driver reaches a router's vtysh: locally (a bgpd's vty socket, optionally inside a network
/// namespace) or over SSH. Both run the same two operations, so the driver is the same either way.
/// </summary>
public interface IVtyshTransport
{
    /// <summary>Where commands go, for logs and audit (<c>vtysh --vty_socket /run/... in netns x</c>, <c>ssh frr@host:22</c>).</summary>
    string Endpoint { get; }

    /// <summary>Runs one vtysh with one <c>-c</c> per command (they share context, e.g. <c>configure terminal</c>) and returns its output.</summary>
    /// <exception cref="DeviceCommandFailedException">vtysh failed (unknown or refused command, daemon down, connection refused).</exception>
    Task<string> RunAsync(IReadOnlyList<string> commands, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes the router's configuration equal <paramref name="configuration"/> (a <c>show running-config</c>) with
    /// FRR's <c>frr-reload.py --reload</c>, which applies the difference; returns its log.
    /// </summary>
    /// <exception cref="DeviceCommandFailedException">frr-reload.py failed.</exception>
    Task<string> ReloadAsync(string configuration, CancellationToken cancellationToken = default);
}
