using System.Collections.Immutable;

namespace OrleansNetOps.Governance.Verification;

/// <summary>The probe samples of one ISP path in the windows before and after a change.</summary>
/// <param name="Path">The path's name (an ISP such as <c>ISP-A</c>); it prefixes every reason.</param>
/// <param name="Before">Samples measured before the change, in any order.</param>
/// <param name="After">Samples measured after it, in any order.</param>
public sealed record PathProbes(string Path, ImmutableArray<SlaSample> Before, ImmutableArray<SlaSample> After);
