using Orleans;
using System.Globalization;

namespace OrleansNetOps.Twin.WhatIf;

/// <summary>
/// A router (ours, or an ISP's peering router) dies (<c>ROUTER_DOWN</c>): every session it has goes, noticed by its
/// neighbours when their hold timers expire; what it originated goes with it.
/// </summary>
/// <param name="Router">The node's id.</param>
[GenerateSerializer, Immutable]
public sealed record RouterDown(string Router) : NetworkEvent
{
    /// <summary>How long until the neighbours notice; null takes <see cref="Sla.ConvergenceModel.HoldTimeMs"/>.</summary>
    [field: Id(100)]
    public double? HoldTimeMs { get; init; }

    /// <inheritdoc />
    public override string Kind => "ROUTER_DOWN";

    /// <inheritdoc />
    public override string Describe() =>
        $"{Router} down{(HoldTimeMs is { } hold ? string.Create(CultureInfo.InvariantCulture, $" (noticed after {hold:0} ms)") : string.Empty)}";
}
