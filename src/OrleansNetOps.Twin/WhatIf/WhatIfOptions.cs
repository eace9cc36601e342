using OrleansNetOps.Twin.Guardrails;
using OrleansNetOps.Twin.Sla;

namespace OrleansNetOps.Twin.WhatIf;

/// <summary>What a what-if is judged with besides the network state.</summary>
public sealed record WhatIfOptions
{
    /// <summary>Defaults: SPEC guardrails, no traffic data, lab convergence parameters.</summary>
    public static WhatIfOptions Default { get; } = new();

    /// <summary>Limits to check against.</summary>
    public TwinGuardrails Guardrails { get; init; } = TwinGuardrails.Default;

    /// <summary>Per-prefix outbound volumes (flows); empty means utilisation and traffic share are not predicted.</summary>
    public IReadOnlyList<TrafficVolume> Traffic { get; init; } = [];

    /// <summary>Measured ISP quality; ISPs not listed use the topology latency and 0 % loss.</summary>
    public IReadOnlyList<IspMeasurement> Measurements { get; init; } = [];

    /// <summary>Convergence parameters.</summary>
    public ConvergenceModel Convergence { get; init; } = new();

    /// <summary>
    /// How many external prefixes the asymmetry check pairs with our own when our own prefixes' announcements changed
    /// (the check is quadratic; prefixes with traffic are taken first, then by prefix order).
    /// </summary>
    public int AsymmetryPairLimit { get; init; } = 10_000;

    /// <summary>How many best-path changes the result lists (all are counted in the blast radius).</summary>
    public int MaxReportedChanges { get; init; } = 10_000;
}
