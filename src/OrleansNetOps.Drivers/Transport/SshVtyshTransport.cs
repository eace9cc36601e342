using System.Globalization;
using OrleansNetOps.Drivers.Processes;

namespace OrleansNetOps.Drivers.Transport;

/// <summary>
/// vtysh on a remote router over OpenSSH. The request travels on standard input, never in the remote command
/// line: a first line naming the operation (<c>vtysh</c> or <c>reload</c>), then one vtysh command per line or
/// the configuration to restore. <c>netops-frr-gate</c> (shipped beside this library) reads it on the router
/// and runs vtysh or frr-reload.py with those lines as separate arguments, so nothing is ever parsed by a shell.
/// </summary>
public sealed class SshVtyshTransport : IVtyshTransport
{
    private readonly SshEndpoint _endpoint;

    /// <summary>Creates the transport.</summary>
    public SshVtyshTransport(SshEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (string.IsNullOrWhiteSpace(endpoint.Host) || endpoint.Host.StartsWith('-') || endpoint.Host.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException($"ssh host '{endpoint.Host}' is not a host name or address", nameof(endpoint));
        }

        if (string.IsNullOrWhiteSpace(endpoint.User) || endpoint.User.StartsWith('-') || endpoint.User.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '@'))
        {
            throw new ArgumentException($"ssh user '{endpoint.User}' is not a user name", nameof(endpoint));
        }

        _endpoint = endpoint;
        Endpoint = string.Create(CultureInfo.InvariantCulture, $"ssh {endpoint.User}@{endpoint.Host}:{endpoint.Port}");
    }

    /// <inheritdoc />
    public string Endpoint { get; }

    /// <inheritdoc />
    public async Task<string> RunAsync(IReadOnlyList<string> commands, CancellationToken cancellationToken = default)
    {
        VtyshCommands.Validate(commands);
        var outcome = await SendAsync("vtysh\n" + string.Join('\n', commands) + "\n", cancellationToken).ConfigureAwait(false);
        return outcome.Succeeded ? outcome.Output : throw Failed(commands, outcome);
    }

    /// <inheritdoc />
    public async Task<string> ReloadAsync(string configuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var outcome = await SendAsync("reload\n" + VtyshCommands.WithoutHeader(configuration), cancellationToken).ConfigureAwait(false);
        var log = Redacted((outcome.Output + outcome.Error).Trim());
        return outcome.Succeeded ? log : throw Failed(["frr-reload.py --reload"], outcome);
    }

    /// <summary>The ssh invocation (for the audit trail and tests).</summary>
    public ProcessRun Invocation(string standardInput) => new(_endpoint.Ssh,
    [
        "-F", "/dev/null",
        "-T",
        "-o", "BatchMode=yes",
        "-o", "StrictHostKeyChecking=yes",
        "-o", "UserKnownHostsFile=" + _endpoint.KnownHostsFile,
        "-o", "GlobalKnownHostsFile=/dev/null",
        "-o", "IdentitiesOnly=yes",
        "-o", "IdentityAgent=none",
        "-o", "PasswordAuthentication=no",
        "-o", "KbdInteractiveAuthentication=no",
        "-o", string.Create(CultureInfo.InvariantCulture, $"ConnectTimeout={Math.Max(1, (int)_endpoint.ConnectTimeout.TotalSeconds)}"),
        "-i", _endpoint.IdentityFile,
        "-p", _endpoint.Port.ToString(CultureInfo.InvariantCulture),
        "-l", _endpoint.User,
        _endpoint.Host,
        _endpoint.RemoteCommand,
    ])
    {
        StandardInput = standardInput,
        Timeout = _endpoint.Timeout,
    };

    private Task<ProcessOutcome> SendAsync(string request, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync(Invocation(request), cancellationToken);

    private DeviceCommandFailedException Failed(IReadOnlyList<string> commands, ProcessOutcome outcome) =>
        new(Endpoint, commands, Redacted(outcome.TimedOut
            ? $"timed out after {_endpoint.Timeout.TotalSeconds:0} s"
            : outcome.ExitCode == 255
                ? $"ssh failed: {outcome.Error.Trim()}"
                : $"exited with {outcome.ExitCode}: {(outcome.Error.Trim().Length > 0 ? outcome.Error : outcome.Output).Trim()}"));

    // ssh names the key and known_hosts files in its warnings; failures reach logs and the action's history, the paths must not.
    private string Redacted(string text)
    {
        foreach (var (path, shown) in new[] { (_endpoint.IdentityFile, "(identity file)"), (_endpoint.KnownHostsFile, "(known_hosts file)") })
        {
            if (!string.IsNullOrEmpty(path))
            {
                text = text.Replace(path, shown, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
