using Orleans;

namespace OrleansNetOps.Twin.WhatIf;

/// <summary>How much of the network a change moves.</summary>
/// <param name="PrefixShare">Share of known prefixes whose best path changed on at least one of our routers (0..1).</param>
/// <param name="TrafficShare">Share of the given traffic volume on those prefixes (0..1), or null without traffic data.</param>
/// <param name="Routers">Our routers with at least one changed best path.</param>
[GenerateSerializer, Immutable]
public sealed record BlastRadius(double PrefixShare, double? TrafficShare, IReadOnlyList<string> Routers);
