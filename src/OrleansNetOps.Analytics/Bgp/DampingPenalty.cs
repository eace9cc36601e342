namespace OrleansNetOps.Analytics.Bgp;

/// <summary>
/// An RFC 2439 figure of merit: a penalty value as of a moment, and whether it has crossed the suppress limit
/// (it stays suppressed until it decays below the reuse limit). Immutable; every operation returns a new value.
/// </summary>
/// <param name="Value">The penalty at <paramref name="At"/>.</param>
/// <param name="At">When <paramref name="Value"/> was computed.</param>
/// <param name="Suppressed">True between crossing the suppress limit and decaying below the reuse limit.</param>
public readonly record struct DampingPenalty(double Value, DateTimeOffset At, bool Suppressed)
{
    /// <summary>The penalty decayed to <paramref name="now"/>: <c>value · 2^(−elapsed / half-life)</c>. Time never runs backwards here.</summary>
    public DampingPenalty DecayTo(DateTimeOffset now, DampingParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (now <= At || Value == 0)
        {
            return Value == 0 ? new DampingPenalty(0, Max(now, At), false) : this;
        }

        var value = Value * Math.Pow(0.5, (now - At) / parameters.HalfLife);
        return new DampingPenalty(value, now, Suppressed && value >= parameters.ReuseLimit);
    }

    /// <summary>Adds one flap at <paramref name="at"/>, after decaying to it; the result never exceeds the ceiling.</summary>
    public DampingPenalty Flap(DateTimeOffset at, DampingParameters parameters)
    {
        var decayed = DecayTo(at, parameters);
        var value = Math.Min(decayed.Value + parameters.PenaltyPerFlap, parameters.MaxPenalty);
        return new DampingPenalty(value, decayed.At, decayed.Suppressed || value > parameters.SuppressLimit);
    }

    /// <summary>When a suppressed penalty decays below the reuse limit if no further flap comes; null when not suppressed.</summary>
    public DateTimeOffset? ReuseAt(DampingParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Suppressed ? At + parameters.HalfLife * Math.Log2(Value / parameters.ReuseLimit) : null;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
