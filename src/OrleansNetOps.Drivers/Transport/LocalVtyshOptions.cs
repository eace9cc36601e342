namespace OrleansNetOps.Drivers.Transport;

/// <summary>Where a local FRR's vtysh and frr-reload.py are, and how long they may take.</summary>
public sealed record LocalVtyshOptions
{
    /// <summary>The daemons' vty socket directory (<c>--vty_socket</c>); null for FRR's default.</summary>
    public string? VtySocketDirectory { get; init; }

    /// <summary>Run inside this network namespace (<c>ip netns exec</c>); null for ours.</summary>
    public string? NetworkNamespace { get; init; }

    /// <summary>The vtysh executable.</summary>
    public string Vtysh { get; init; } = "vtysh";

    /// <summary>FRR's reload script (Debian's frr-pythontools).</summary>
    public string ReloadScript { get; init; } = "/usr/lib/frr/frr-reload.py";

    /// <summary>
    /// Restrict the reload to one daemon's configuration (<c>--daemon bgpd</c>): needed where only bgpd runs and
    /// there is no integrated configuration (the lab); null compares the whole configuration.
    /// </summary>
    public string? ReloadDaemon { get; init; }

    /// <summary>How long one vtysh or reload run may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
