namespace OrleansNetOps.Bgp.Rib;

/// <summary>What an announcement did to an <see cref="AdjRibIn"/>.</summary>
public enum RibChange
{
    /// <summary>The route was not present and has been added.</summary>
    Added,

    /// <summary>The route was present with other attributes: an implicit withdraw (RFC 4271 section 3.1).</summary>
    Replaced,

    /// <summary>The route was present with equal attributes; nothing changed.</summary>
    Unchanged,
}
