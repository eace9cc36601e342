namespace OrleansNetOps.Bgp.Attributes;

/// <summary>AS_PATH segment types (RFC 4271, RFC 5065).</summary>
public enum AsPathSegmentType : byte
{
    /// <summary>Unordered set, from aggregation.</summary>
    AsSet = 1,

    /// <summary>Ordered sequence.</summary>
    AsSequence = 2,

    /// <summary>Ordered sequence inside a confederation.</summary>
    ConfedSequence = 3,

    /// <summary>Unordered set inside a confederation.</summary>
    ConfedSet = 4,
}
