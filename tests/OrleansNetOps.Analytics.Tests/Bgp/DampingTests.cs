using OrleansNetOps.Analytics.Bgp;

namespace OrleansNetOps.Analytics.Tests.Bgp;

public sealed class DampingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);
    private static readonly DampingParameters Rfc = DampingParameters.Default;

    [Fact]
    public void A_penalty_halves_every_half_life()
    {
        var penalty = default(DampingPenalty).Flap(T0, Rfc);

        Assert.Equal(1000, penalty.Value);
        Assert.Equal(500, penalty.DecayTo(T0.AddMinutes(15), Rfc).Value, 9);
        Assert.Equal(250, penalty.DecayTo(T0.AddMinutes(30), Rfc).Value, 9);
        Assert.Equal(1000 * Math.Pow(2, -1.0 / 15), penalty.DecayTo(T0.AddMinutes(1), Rfc).Value, 9);
    }

    [Fact]
    public void Two_quick_flaps_stay_below_the_suppress_limit_and_a_third_crosses_it()
    {
        var penalty = default(DampingPenalty).Flap(T0, Rfc).Flap(T0.AddMinutes(1), Rfc);
        var second = 1000 + (1000 * Math.Pow(2, -1.0 / 15));
        Assert.Equal(second, penalty.Value, 9);
        Assert.False(penalty.Suppressed);

        penalty = penalty.Flap(T0.AddMinutes(2), Rfc);
        var third = 1000 + (second * Math.Pow(2, -1.0 / 15));
        Assert.Equal(third, penalty.Value, 9);
        Assert.True(penalty.Suppressed);
        // It stays suppressed until it decays below 750: half-life · log2(penalty / 750) after the last flap.
        var reuse = T0.AddMinutes(2) + (TimeSpan.FromMinutes(15) * Math.Log2(penalty.Value / 750));
        Assert.Equal(reuse, penalty.ReuseAt(Rfc)!.Value);
        Assert.True(penalty.DecayTo(reuse.AddSeconds(-1), Rfc).Suppressed);
        Assert.False(penalty.DecayTo(reuse.AddSeconds(1), Rfc).Suppressed);
    }

    [Fact]
    public void Suppression_has_hysteresis_between_the_suppress_and_reuse_limits()
    {
        var penalty = default(DampingPenalty).Flap(T0, Rfc).Flap(T0, Rfc).Flap(T0, Rfc); // 3000
        // At 1500 it is below the suppress limit but above the reuse limit: still suppressed.
        var decayed = penalty.DecayTo(T0.AddMinutes(15), Rfc);
        Assert.Equal(1500, decayed.Value, 9);
        Assert.True(decayed.Suppressed);
        Assert.Null(default(DampingPenalty).Flap(T0, Rfc).ReuseAt(Rfc));
    }

    [Fact]
    public void The_penalty_is_capped_so_nothing_stays_suppressed_longer_than_the_maximum()
    {
        var penalty = default(DampingPenalty);
        for (var i = 0; i < 50; i++)
        {
            penalty = penalty.Flap(T0, Rfc);
        }

        Assert.Equal(12_000, Rfc.MaxPenalty, 9); // 750 · 2^(60 / 15)
        Assert.Equal(12_000, penalty.Value, 9);
        Assert.Equal(T0.AddMinutes(60), penalty.ReuseAt(Rfc)!.Value);
    }

    [Fact]
    public void Time_running_backwards_does_not_decay_or_grow_the_penalty()
    {
        var penalty = default(DampingPenalty).Flap(T0, Rfc);
        Assert.Equal(penalty, penalty.DecayTo(T0.AddMinutes(-5), Rfc));
        Assert.Equal(2000, penalty.Flap(T0.AddMinutes(-5), Rfc).Value, 9);
    }

    [Theory]
    [InlineData(0, 15, 2000, 750, 60, "PenaltyPerFlap")]
    [InlineData(1000, 0, 2000, 750, 60, "HalfLife")]
    [InlineData(1000, 15, 700, 750, 60, "SuppressLimit")]
    [InlineData(1000, 15, 2000, 750, 5, "MaxSuppressTime")]
    public void Inconsistent_parameters_are_refused_by_name(double perFlap, int halfLife, double suppress, double reuse, int maxSuppress, string field)
    {
        var parameters = new DampingParameters
        {
            PenaltyPerFlap = perFlap,
            HalfLife = TimeSpan.FromMinutes(halfLife),
            SuppressLimit = suppress,
            ReuseLimit = reuse,
            MaxSuppressTime = TimeSpan.FromMinutes(maxSuppress),
        };

        var error = Assert.Throws<ArgumentException>(() => parameters.Validate());
        Assert.Equal(field, error.ParamName);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }
}
