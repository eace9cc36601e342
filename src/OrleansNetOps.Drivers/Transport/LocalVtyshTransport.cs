using System.Collections.Immutable;
using OrleansNetOps.Drivers.Processes;

namespace OrleansNetOps.Drivers.Transport;

/// <summary>
/// vtysh on this machine: <c>[ip netns exec NS] vtysh [--vty_socket DIR] -c ... -c ...</c>, and
/// <c>frr-reload.py --reload</c> against the same sockets for restores.
/// </summary>
public sealed class LocalVtyshTransport : IVtyshTransport
{
    private readonly LocalVtyshOptions _options;

    /// <summary>Creates the transport.</summary>
    public LocalVtyshTransport(LocalVtyshOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        Endpoint = "vtysh" + (options.VtySocketDirectory is { } dir ? $" --vty_socket {dir}" : string.Empty)
            + (options.NetworkNamespace is { } ns ? $" in netns {ns}" : string.Empty);
    }

    /// <inheritdoc />
    public string Endpoint { get; }

    /// <inheritdoc />
    public async Task<string> RunAsync(IReadOnlyList<string> commands, CancellationToken cancellationToken = default)
    {
        VtyshCommands.Validate(commands);
        var arguments = new List<string>();
        if (_options.VtySocketDirectory is { } dir)
        {
            arguments.AddRange(["--vty_socket", dir]);
        }

        foreach (var command in commands)
        {
            arguments.AddRange(["-c", command]);
        }

        var run = InNamespace(_options.Vtysh, arguments);
        var outcome = await ProcessRunner.RunAsync(run, cancellationToken).ConfigureAwait(false);
        return outcome.Succeeded ? outcome.Output : throw Failed(commands, outcome);
    }

    /// <inheritdoc />
    public async Task<string> ReloadAsync(string configuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var directory = Directory.CreateTempSubdirectory("netops-frr-reload-");
        try
        {
            var file = Path.Combine(directory.FullName, "frr.conf");
            await File.WriteAllTextAsync(file, VtyshCommands.WithoutHeader(configuration), cancellationToken).ConfigureAwait(false);
            var arguments = new List<string> { "--reload", "--stdout", "--rundir", directory.FullName };
            if (_options.VtySocketDirectory is { } dir)
            {
                arguments.AddRange(["--vty_socket", dir]);
            }

            if (_options.ReloadDaemon is { } daemon)
            {
                arguments.AddRange(["--daemon", daemon]);
            }

            if (Path.IsPathRooted(_options.Vtysh))
            {
                arguments.AddRange(["--bindir", Path.GetDirectoryName(_options.Vtysh)!]);
            }

            arguments.Add(file);
            var outcome = await ProcessRunner.RunAsync(InNamespace(_options.ReloadScript, arguments), cancellationToken).ConfigureAwait(false);
            var log = (outcome.Output + outcome.Error).Trim();
            return outcome.Succeeded ? log : throw Failed(["frr-reload.py --reload"], outcome);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private ProcessRun InNamespace(string program, List<string> arguments) =>
        (_options.NetworkNamespace is { } ns
            ? new ProcessRun("ip", ["netns", "exec", ns, program, .. arguments])
            : new ProcessRun(program, [.. arguments])) with { Timeout = _options.Timeout };

    private DeviceCommandFailedException Failed(IReadOnlyList<string> commands, ProcessOutcome outcome) =>
        new(Endpoint, commands, outcome.TimedOut
            ? $"timed out after {_options.Timeout.TotalSeconds:0} s"
            : $"exited with {outcome.ExitCode}: {(outcome.Error.Trim().Length > 0 ? outcome.Error : outcome.Output).Trim()}");
}
