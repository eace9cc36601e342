namespace OrleansNetOps.Lab.Scenarios;

/// <summary>
/// Takes a link down or up by setting both veth ends down or up: a realistic fibre cut. bgpd runs without zebra,
/// so it does not see the interface go down; the session dies when the hold timer (9 s in the lab) expires and
/// comes back within a connect-retry interval (5 s) after the link is up again.
/// </summary>
/// <param name="A">One end of the link.</param>
/// <param name="B">The other end.</param>
/// <param name="Up">True to restore the link.</param>
public sealed record SetLinkState(string A, string B, bool Up) : LabChange
{
    /// <inheritdoc />
    public override string Describe() => $"link {A} <-> {B} {(Up ? "up" : "down")}";
}
