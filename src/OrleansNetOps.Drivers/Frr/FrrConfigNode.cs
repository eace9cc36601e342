using System.Collections.Immutable;

namespace OrleansNetOps.Drivers.Frr;

/// <summary>One line of an FRR configuration, with the lines of its block when it opens one (<c>route-map</c>, <c>router bgp</c>, <c>address-family</c>).</summary>
/// <param name="Text">The line without indentation.</param>
/// <param name="Children">The block's lines, in order; empty for a plain line or an empty block.</param>
/// <param name="LineNumber">1-based line number in the text it was read from.</param>
public sealed record FrrConfigNode(string Text, ImmutableArray<FrrConfigNode> Children, int LineNumber);
