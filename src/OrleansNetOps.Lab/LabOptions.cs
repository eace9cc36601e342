using System.Text.RegularExpressions;

namespace OrleansNetOps.Lab;

/// <summary>Where and under which name a lab runs.</summary>
/// <param name="Name">Lab name; namespaces are <c>netops-&lt;name&gt;-&lt;node&gt;</c>.</param>
/// <param name="BmpPort">TCP port of the BMP collector on the root namespace's 127.0.0.1.</param>
/// <param name="StateRoot">Directory holding one state directory per lab.</param>
public sealed partial record LabOptions(string Name = "seed", int BmpPort = LabOptions.DefaultBmpPort, string StateRoot = LabOptions.DefaultStateRoot)
{
    /// <summary>The collector's default port.</summary>
    public const int DefaultBmpPort = 11019;

    /// <summary>Default parent of lab state directories (tmpfs, gone after a reboot like the namespaces).</summary>
    public const string DefaultStateRoot = "/run/netops-lab";

    /// <summary>Prefix shared by every namespace of this lab.</summary>
    public string NamespacePrefix => $"netops-{Name}-";

    /// <summary>This lab's state directory: configs, pid files, vty sockets, the BMP relay socket.</summary>
    public string StateDirectory => Path.Combine(StateRoot, Name);

    /// <summary>The Unix socket joining the per-namespace BMP relays to the root-namespace relay.</summary>
    public string BmpSocket => Path.Combine(StateDirectory, "bmp.sock");

    /// <summary>Throws when the name or port cannot be used.</summary>
    public void Validate()
    {
        // Short and plain: the name ends up in namespace names, paths and a Unix socket path (108 bytes at most).
        if (!NamePattern().IsMatch(Name))
        {
            throw new ArgumentException($"lab name '{Name}' must be 1-20 characters of a-z, 0-9 and '-', starting with a letter or digit");
        }

        if (BmpPort is < 1 or > 65535)
        {
            throw new ArgumentException($"BMP port {BmpPort} is not a TCP port");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,19}$")]
    private static partial Regex NamePattern();
}
