using System.Collections.Immutable;

namespace OrleansNetOps.Governance.Risk;

/// <summary>One factor of the risk matrix: named levels with points, and the level used when nothing says otherwise.</summary>
/// <param name="Points">Points per level name.</param>
/// <param name="Default">The level assumed when no rule names one.</param>
public sealed record RiskFactorTable(ImmutableSortedDictionary<string, int> Points, string Default)
{
    /// <summary>Points of a level; 0 for a level the table does not know (the reader never lets that happen).</summary>
    public int PointsOf(string level) => Points.TryGetValue(level, out var points) ? points : 0;

    /// <summary>The level with more points (the first on a tie).</summary>
    public string Higher(string a, string b) => PointsOf(b) > PointsOf(a) ? b : a;
}
