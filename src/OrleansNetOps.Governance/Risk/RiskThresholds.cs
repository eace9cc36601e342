namespace OrleansNetOps.Governance.Risk;

/// <summary>Highest score of each level; above <see cref="HighMax"/> is CRITICAL (seed 003: 3, 7, 12).</summary>
/// <param name="LowMax">Highest LOW score.</param>
/// <param name="MediumMax">Highest MEDIUM score.</param>
/// <param name="HighMax">Highest HIGH score.</param>
public sealed record RiskThresholds(int LowMax, int MediumMax, int HighMax)
{
    /// <summary>The level of a score.</summary>
    public RiskLevel LevelOf(int score) =>
        score <= LowMax ? RiskLevel.Low
        : score <= MediumMax ? RiskLevel.Medium
        : score <= HighMax ? RiskLevel.High
        : RiskLevel.Critical;
}
