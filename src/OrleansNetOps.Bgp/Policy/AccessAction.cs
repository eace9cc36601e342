namespace OrleansNetOps.Bgp.Policy;

/// <summary>The action of a list or route-map entry.</summary>
public enum AccessAction : byte
{
    /// <summary>Permit.</summary>
    Permit,

    /// <summary>Deny.</summary>
    Deny,
}
