using System.Collections.Immutable;

namespace OrleansNetOps.Drivers;

/// <summary>An action a driver cannot render: wrong target, unknown kind or invalid parameters. Nothing was sent.</summary>
public sealed class DeviceActionRejectedException : Exception
{
    /// <summary>Creates the exception with one error per problem, each naming what and where (<c>params.localPref: ...</c>).</summary>
    public DeviceActionRejectedException(string target, IEnumerable<string> errors)
        : this(target, [.. errors ?? throw new ArgumentNullException(nameof(errors))], null)
    {
    }

    private DeviceActionRejectedException(string target, ImmutableArray<string> errors, Exception? inner)
        : base($"{target}: " + string.Join("; ", errors), inner)
    {
        Target = target;
        Errors = errors;
    }

    /// <summary>The device.</summary>
    public string Target { get; }

    /// <summary>What is wrong, one entry per problem.</summary>
    public ImmutableArray<string> Errors { get; }
}
