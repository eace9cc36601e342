namespace OrleansNetOps.Grains.Learning;

/// <summary>SPEC §5's numbers for shadow mode: the rewards of each verdict and the graduation bar.</summary>
/// <param name="Window">How many of the latest reviewed T1 decisions graduation looks at (30).</param>
/// <param name="RequiredAgreement">The agreement those need (0.90).</param>
[GenerateSerializer, Immutable]
public sealed record ShadowRules(int Window = 30, double RequiredAgreement = 0.90)
{
    /// <summary>The defaults of SPEC §5.</summary>
    public static ShadowRules Default { get; } = new();

    /// <summary>The reward an engineer's verdict gives: agree +1, partial +0.3, disagree −1.</summary>
    public static double Reward(ShadowVerdict verdict) => verdict switch
    {
        ShadowVerdict.Agree => 1.0,
        ShadowVerdict.Partial => 0.3,
        _ => -1.0,
    };
}
