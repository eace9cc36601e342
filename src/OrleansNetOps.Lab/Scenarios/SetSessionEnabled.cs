namespace OrleansNetOps.Lab.Scenarios;

/// <summary>
/// Administratively shuts a BGP session (<c>neighbor X shutdown</c>: a Cease NOTIFICATION, the session goes Idle at once)
/// or enables it again (<c>no neighbor X shutdown</c>).
/// </summary>
/// <param name="Router">The node whose configuration changes.</param>
/// <param name="Neighbor">The node at the other end.</param>
/// <param name="Enabled">False to shut, true to bring back.</param>
public sealed record SetSessionEnabled(string Router, string Neighbor, bool Enabled) : LabChange
{
    /// <inheritdoc />
    public override string Describe() => $"{(Enabled ? "no-shutdown" : "shutdown")} {Router} -> {Neighbor}";
}
