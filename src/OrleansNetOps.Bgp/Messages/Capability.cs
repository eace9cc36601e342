namespace OrleansNetOps.Bgp.Messages;

/// <summary>A BGP capability advertised in OPEN (RFC 5492).</summary>
public abstract record Capability
{
    /// <summary>Capability code (IANA).</summary>
    public abstract byte Code { get; }
}
