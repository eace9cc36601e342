namespace OrleansNetOps.Analytics.Multivariate;

/// <summary>One feature of a router's vector and how it is put on a comparable footing before scoring.</summary>
/// <param name="Name">Its name, e.g. <c>cpuPercent</c>.</param>
/// <param name="Logarithmic">Whether it is compressed by log(1 + |x|) (sign kept) first: sizes and rates spanning decades.</param>
public sealed record RouterFeature(string Name, bool Logarithmic);
