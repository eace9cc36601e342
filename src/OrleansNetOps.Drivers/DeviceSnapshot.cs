using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace OrleansNetOps.Drivers;

/// <summary>A device's state as captured before a change, enough to restore it exactly.</summary>
/// <param name="Id">Content address of <paramref name="Text"/> (<c>sha256:</c> and 64 hex digits): equal state, equal id.</param>
/// <param name="Target">The device (router id or runbook name).</param>
/// <param name="Driver">The driver that took it.</param>
/// <param name="TakenAt">When it was taken.</param>
/// <param name="Text">The state as the device printed it (for FRR, <c>show running-config</c>).</param>
public sealed record DeviceSnapshot(string Id, string Target, string Driver, DateTimeOffset TakenAt, string Text)
{
    /// <summary>The fields of the action it was taken for, when restoring needs them (runbooks); empty for routers.</summary>
    public ImmutableSortedDictionary<string, string> Fields { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>A snapshot of <paramref name="text"/> with its content id.</summary>
    public static DeviceSnapshot Of(string target, string driver, DateTimeOffset takenAt, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new DeviceSnapshot(IdOf(text), target, driver, takenAt, text);
    }

    /// <summary>The content id of <paramref name="text"/>.</summary>
    public static string IdOf(string text) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text ?? string.Empty)));
}
