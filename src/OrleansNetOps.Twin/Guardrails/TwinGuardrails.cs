using System.Collections.Immutable;

namespace OrleansNetOps.Twin.Guardrails;

/// <summary>The limits of <c>guardrails.yaml</c> a what-if is checked against (SPEC §4).</summary>
public sealed record TwinGuardrails
{
    /// <summary>SPEC §4 defaults.</summary>
    public static TwinGuardrails Default { get; } = new();

    /// <summary>Lowest LOCAL_PREF an action may set.</summary>
    public uint LocalPrefMin { get; init; }

    /// <summary>Highest LOCAL_PREF an action may set.</summary>
    public uint LocalPrefMax { get; init; } = 300;

    /// <summary>Lowest MED.</summary>
    public uint MedMin { get; init; }

    /// <summary>Highest MED.</summary>
    public uint MedMax { get; init; } = uint.MaxValue;

    /// <summary>Communities an agent may never remove, as <c>A:B</c>.</summary>
    public ImmutableArray<string> ProtectedCommunities { get; init; } = ["65001:999", "65001:998"];

    /// <summary>Latency above which an ISP breaches the SLA.</summary>
    public double SlaLatencyMs { get; init; } = 50;

    /// <summary>Loss (percent) above which an ISP breaches the SLA.</summary>
    public double SlaLossPct { get; init; } = 1;

    /// <summary>Predicted loss (percent) above which the what-if fails.</summary>
    public double FailLossPct { get; init; } = 5;
}
