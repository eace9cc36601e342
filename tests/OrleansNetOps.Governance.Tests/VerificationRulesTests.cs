using OrleansNetOps.Governance.Verification;

namespace OrleansNetOps.Governance.Tests;

public sealed class VerificationRulesTests
{
    private static readonly VerificationRules Spec = new();

    [Theory]
    [InlineData(20, 0.2, 29.9, 0.5, false)]
    [InlineData(20, 0.2, 30.1, 0.5, true)]    // latency after > 1.5 × before
    [InlineData(20, 0.2, 25, 0.61, true)]     // loss after > 3 × before
    [InlineData(60, 1.0, 80.5, 1.0, true)]    // latency above 80 ms
    [InlineData(60, 1.5, 60, 2.1, true)]      // loss above 2 %
    [InlineData(60, 1.0, 79, 1.9, false)]
    [InlineData(10, 0, 10, 0.05, false)]      // 0 % → 0.05 %: below the 0.1 % the ratio needs
    [InlineData(10, 0, 10, 0.1, true)]
    public void Spec_rollback_rules(double latencyBefore, double lossBefore, double latencyAfter, double lossAfter, bool rollBack) =>
        Assert.Equal(rollBack, Spec.Judge(new SlaSample(latencyBefore, lossBefore), new SlaSample(latencyAfter, lossAfter)).RollBack);

    [Fact]
    public void Every_rule_that_fires_is_named_with_its_numbers()
    {
        var verdict = Spec.Judge([("ISP-A", new SlaSample(8, 0.1), new SlaSample(12, 0.2)), ("ISP-B", new SlaSample(40, 0.5), new SlaSample(90, 2.5))]);
        Assert.True(verdict.RollBack);
        Assert.Equal(
        [
            "ISP-B: latency 90 ms after is more than 1.5 × 40 ms before",
            "ISP-B: loss 2.5 % after is more than 3 × 0.5 % before",
            "ISP-B: latency 90 ms is above 80 ms",
            "ISP-B: loss 2.5 % is above 2 %",
        ], verdict.Reasons.ToArray());
    }
}
