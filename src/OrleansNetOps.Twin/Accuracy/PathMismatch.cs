using Orleans;

namespace OrleansNetOps.Twin.Accuracy;

/// <summary>A best path the twin predicted that the router did not then report.</summary>
/// <param name="Router">The router.</param>
/// <param name="Prefix">The prefix.</param>
/// <param name="Predicted">The twin's best path (<c>via NH [AS PATH] lp L med M</c>), or <c>none</c> for a predicted withdrawal.</param>
/// <param name="Live">What the router reported over BMP, or <c>none</c>.</param>
[GenerateSerializer, Immutable]
public sealed record PathMismatch(string Router, string Prefix, string Predicted, string Live);
