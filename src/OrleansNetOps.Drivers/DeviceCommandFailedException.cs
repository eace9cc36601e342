using System.Collections.Immutable;

namespace OrleansNetOps.Drivers;

/// <summary>A device refused or failed a command. Commands before it may have taken effect: read back, then roll back.</summary>
public sealed class DeviceCommandFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="target">The device.</param>
    /// <param name="commands">What was being sent.</param>
    /// <param name="detail">What the device or the transport said.</param>
    /// <param name="inner">The underlying failure, if any.</param>
    public DeviceCommandFailedException(string target, IEnumerable<string> commands, string detail, Exception? inner = null)
        : base($"{target}: {detail}", inner)
    {
        Target = target;
        Commands = [.. commands ?? []];
        Detail = detail;
    }

    /// <summary>The device.</summary>
    public string Target { get; }

    /// <summary>The commands being sent when it failed.</summary>
    public ImmutableArray<string> Commands { get; }

    /// <summary>What the device or transport said.</summary>
    public string Detail { get; }
}
