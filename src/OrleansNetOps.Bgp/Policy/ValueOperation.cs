namespace OrleansNetOps.Bgp.Policy;

/// <summary>How a numeric set clause applies its value (<c>set metric 50</c>, <c>+50</c>, <c>-50</c>).</summary>
public enum ValueOperation : byte
{
    /// <summary>Replace.</summary>
    Set,

    /// <summary>Add, saturating at 4294967295.</summary>
    Add,

    /// <summary>Subtract, saturating at 0.</summary>
    Subtract,
}
