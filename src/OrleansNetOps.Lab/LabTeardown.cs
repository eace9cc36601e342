using OrleansNetOps.Lab.Host;

namespace OrleansNetOps.Lab;

/// <summary>
/// Removes a lab, whether it is healthy or left over by a crashed run: everything is found from the lab name
/// (namespaces by prefix, processes by namespace and by the lab's relay socket path), not from memory.
/// Idempotent: a second run finds nothing and does nothing.
/// </summary>
public static class LabTeardown
{
    /// <summary>How long bgpd and the relays get to exit on SIGTERM before SIGKILL.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    /// <summary>Namespaces belonging to the lab.</summary>
    public static async Task<IReadOnlyList<string>> NamespacesAsync(LabOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var output = await HostCommand.RunCheckedAsync("ip", ["netns", "list"], cancellationToken: cancellationToken).ConfigureAwait(false);

        // Lines look like "netops-seed-R1 (id: 3)" or just the name.
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', 2)[0])
            .Where(name => name.StartsWith(options.NamespacePrefix, StringComparison.Ordinal))];
    }

    /// <summary>Processes running in the lab's namespaces or relaying its BMP socket.</summary>
    public static async Task<IReadOnlyList<int>> ProcessesAsync(LabOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var pids = new HashSet<int>();
        foreach (var name in await NamespacesAsync(options, cancellationToken).ConfigureAwait(false))
        {
            var result = await HostCommand.RunAsync("ip", ["netns", "pids", name], cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var line in result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                if (int.TryParse(line.Trim(), out var pid))
                {
                    pids.Add(pid);
                }
            }
        }

        // The root-namespace relays live outside every lab namespace; their socket paths name the lab uniquely.
        pids.UnionWith(HostProcesses.WithArgumentContaining(options.BmpSocketPrefix));
        pids.Remove(Environment.ProcessId);
        return [.. pids];
    }

    /// <summary>Stops the lab's processes, deletes its namespaces (and with them the veths) and its state directory.</summary>
    /// <returns>A line per thing removed, for the CLI to print.</returns>
    public static async Task<IReadOnlyList<string>> RunAsync(LabOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var report = new List<string>();
        var pids = await ProcessesAsync(options, cancellationToken).ConfigureAwait(false);
        if (pids.Count > 0)
        {
            await HostProcesses.StopAsync(pids, Grace, cancellationToken).ConfigureAwait(false);
            report.Add($"stopped {pids.Count} processes ({string.Join(", ", pids.Order())})");
        }

        foreach (var name in await NamespacesAsync(options, cancellationToken).ConfigureAwait(false))
        {
            await HostCommand.RunCheckedAsync("ip", ["netns", "delete", name], cancellationToken: cancellationToken).ConfigureAwait(false);
            report.Add($"deleted namespace {name}");
        }

        if (Directory.Exists(options.StateDirectory))
        {
            Directory.Delete(options.StateDirectory, recursive: true);
            report.Add($"removed {options.StateDirectory}");
        }

        return report;
    }
}
