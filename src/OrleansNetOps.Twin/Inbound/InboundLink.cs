using Orleans;
namespace OrleansNetOps.Twin.Inbound;

/// <summary>The inbound traffic one ISP hands us over one session, before and after.</summary>
/// <param name="Router">Our edge router.</param>
/// <param name="Link">The topology link (e.g. <c>R1-ISP-B</c>).</param>
/// <param name="TrafficShareBefore">Share of all inbound traffic to our prefixes entering here (0..1).</param>
/// <param name="TrafficShareAfter">After.</param>
/// <param name="BytesPerSecondBefore">Volume before; null without flow data (shares then weigh each of our prefixes alike).</param>
/// <param name="BytesPerSecondAfter">After.</param>
[GenerateSerializer, Immutable]
public sealed record InboundLink(string Router, string Link, double TrafficShareBefore, double TrafficShareAfter, double? BytesPerSecondBefore,
    double? BytesPerSecondAfter);
