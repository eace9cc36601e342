using System.Collections.Immutable;

namespace OrleansNetOps.Governance.Autonomy;

/// <summary>A named group of catalogue actions that share an autonomy phase.</summary>
/// <param name="Name">E.g. <c>path-preference</c>.</param>
/// <param name="Actions">Catalogue names.</param>
public sealed record ActionCategory(string Name, ImmutableArray<string> Actions);
