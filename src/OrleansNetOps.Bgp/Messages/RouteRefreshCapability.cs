namespace OrleansNetOps.Bgp.Messages;

/// <summary>Route refresh, code 2 (RFC 2918).</summary>
public sealed record RouteRefreshCapability : Capability
{
    /// <inheritdoc />
    public override byte Code => 2;
}
