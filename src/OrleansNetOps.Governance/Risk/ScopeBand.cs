namespace OrleansNetOps.Governance.Risk;

/// <summary>A scope level of the risk matrix, chosen by blast radius: the first band whose <paramref name="UpTo"/> the blast radius does not exceed.</summary>
/// <param name="Name">Its name, e.g. <c>limited</c>.</param>
/// <param name="UpTo">Largest blast radius (0..1) it covers.</param>
/// <param name="Points">Its points.</param>
public sealed record ScopeBand(string Name, double UpTo, int Points);
