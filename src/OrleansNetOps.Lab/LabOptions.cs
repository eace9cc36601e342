using System.Text.RegularExpressions;

namespace OrleansNetOps.Lab;

/// <summary>Where and under which name a lab runs.</summary>
/// <param name="Name">Lab name; namespaces are <c>netops-&lt;name&gt;-&lt;node&gt;</c>.</param>
/// <param name="BmpPort">TCP port of the BMP collector on the root namespace's 127.0.0.1 (the first, when there are several).</param>
/// <param name="StateRoot">Directory holding one state directory per lab.</param>
public sealed partial record LabOptions(string Name = "seed", int BmpPort = LabOptions.DefaultBmpPort, string StateRoot = LabOptions.DefaultStateRoot)
{
    /// <summary>The collector's default port.</summary>
    public const int DefaultBmpPort = 11019;

    /// <summary>Default parent of lab state directories (tmpfs, gone after a reboot like the namespaces).</summary>
    public const string DefaultStateRoot = "/run/netops-lab";

    /// <summary>
    /// Ports of further collectors on 127.0.0.1. Every router streams BMP to each of them at once (one <c>bmp connect</c>
    /// per collector), as routers pointed at several silos of a cluster do.
    /// </summary>
    public IReadOnlyList<int> MoreBmpPorts { get; init; } = [];

    /// <summary>Every collector port, <see cref="BmpPort"/> first.</summary>
    public IReadOnlyList<int> BmpPorts => [BmpPort, .. MoreBmpPorts];

    /// <summary>Prefix shared by every namespace of this lab.</summary>
    public string NamespacePrefix => $"netops-{Name}-";

    /// <summary>This lab's state directory: configs, pid files, vty sockets, the BMP relay socket.</summary>
    public string StateDirectory => Path.Combine(StateRoot, Name);

    /// <summary>The Unix socket joining the per-namespace BMP relays to the root-namespace relay of the first collector.</summary>
    public string BmpSocket => BmpSocketOf(0);

    /// <summary>Start of every BMP socket's path: it names this lab's root-namespace relays uniquely.</summary>
    public string BmpSocketPrefix => Path.Combine(StateDirectory, "bmp");

    /// <summary>The Unix socket of the relays towards collector <paramref name="index"/> of <see cref="BmpPorts"/>.</summary>
    public string BmpSocketOf(int index) => index == 0 ? BmpSocketPrefix + ".sock" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{BmpSocketPrefix}-{index}.sock");

    /// <summary>Throws when the name or port cannot be used.</summary>
    public void Validate()
    {
        // Short and plain: the name ends up in namespace names, paths and a Unix socket path (108 bytes at most).
        if (!NamePattern().IsMatch(Name))
        {
            throw new ArgumentException($"lab name '{Name}' must be 1-20 characters of a-z, 0-9 and '-', starting with a letter or digit");
        }

        foreach (var port in BmpPorts)
        {
            if (port is < 1 or > 65535)
            {
                throw new ArgumentException($"BMP port {port} is not a TCP port");
            }
        }

        if (BmpPorts.Distinct().Count() != BmpPorts.Count)
        {
            throw new ArgumentException($"BMP ports {string.Join(", ", BmpPorts)} name a collector twice");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,19}$")]
    private static partial Regex NamePattern();
}
