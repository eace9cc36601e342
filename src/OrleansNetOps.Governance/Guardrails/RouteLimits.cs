using System.Collections.Immutable;

namespace OrleansNetOps.Governance.Guardrails;

/// <summary>Attribute limits (<c>localPref</c>, <c>med</c>, <c>protectedCommunities</c>): hard limits no plan may cross.</summary>
public sealed record RouteLimits
{
    /// <summary>Lowest LOCAL_PREF an action may set.</summary>
    public long LocalPrefMin { get; init; }

    /// <summary>Highest LOCAL_PREF an action may set.</summary>
    public long LocalPrefMax { get; init; } = 300;

    /// <summary>Lowest MED.</summary>
    public long MedMin { get; init; }

    /// <summary>Highest MED.</summary>
    public long MedMax { get; init; } = uint.MaxValue;

    /// <summary>Communities an agent may never remove, as <c>A:B</c>.</summary>
    public ImmutableArray<string> ProtectedCommunities { get; init; } = ["65001:999", "65001:998"];
}
