namespace OrleansNetOps.Analytics.Bgp;

/// <summary>
/// RFC 2439 damping applied to a BGP session instead of a route: each flap adds a penalty, the penalty halves every
/// half-life, the session counts as suppressed (flapping) once the penalty exceeds the suppress limit and until it
/// decays below the reuse limit. Defaults are the customary ones (Cisco's, and FRR's <c>bgp dampening</c>): 1000
/// per flap, 15 min half-life, suppress above 2000, reuse below 750, at most 60 min suppressed.
/// </summary>
public sealed record DampingParameters
{
    /// <summary>The customary values.</summary>
    public static DampingParameters Default { get; } = new();

    /// <summary>Penalty added per flap (the session leaving Established).</summary>
    public double PenaltyPerFlap { get; init; } = 1000;

    /// <summary>Time for the penalty to halve.</summary>
    public TimeSpan HalfLife { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Above this the session is suppressed (reported as flapping).</summary>
    public double SuppressLimit { get; init; } = 2000;

    /// <summary>Below this a suppressed session is usable again.</summary>
    public double ReuseLimit { get; init; } = 750;

    /// <summary>Longest time a session stays suppressed after its last flap; it caps the penalty.</summary>
    public TimeSpan MaxSuppressTime { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>
    /// The penalty ceiling (RFC 2439 section 4.8.1): the value that decays to the reuse limit in exactly
    /// <see cref="MaxSuppressTime"/>, so no session stays suppressed longer than that after its last flap.
    /// </summary>
    public double MaxPenalty => ReuseLimit * Math.Pow(2, MaxSuppressTime / HalfLife);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first inconsistent value.</summary>
    public DampingParameters Validate()
    {
        Require(PenaltyPerFlap > 0, nameof(PenaltyPerFlap), $"must be positive, is {PenaltyPerFlap}");
        Require(HalfLife > TimeSpan.Zero, nameof(HalfLife), $"must be positive, is {HalfLife}");
        Require(ReuseLimit > 0, nameof(ReuseLimit), $"must be positive, is {ReuseLimit}");
        Require(SuppressLimit > ReuseLimit, nameof(SuppressLimit), $"must exceed the reuse limit {ReuseLimit}, is {SuppressLimit}");
        Require(MaxSuppressTime > TimeSpan.Zero, nameof(MaxSuppressTime), $"must be positive, is {MaxSuppressTime}");
        Require(MaxPenalty > SuppressLimit, nameof(MaxSuppressTime), $"{MaxSuppressTime} caps the penalty at {MaxPenalty:0}, at or below the suppress limit {SuppressLimit}: nothing could ever be suppressed");
        return this;
    }

    private static void Require(bool condition, string name, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"damping {name} {problem}", name);
        }
    }
}
