namespace OrleansNetOps.Grains.Learning;

/// <summary>An engineer's answer to a shadow recommendation (SPEC §5).</summary>
public enum ShadowVerdict
{
    /// <summary>The engineer would have done the same (+1).</summary>
    Agree,

    /// <summary>Right direction, wrong detail (+0.3).</summary>
    Partial,

    /// <summary>Wrong (−1).</summary>
    Disagree,
}
