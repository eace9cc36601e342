using OrleansNetOps.Bgp.Policy;
using Orleans;

namespace OrleansNetOps.Twin.WhatIf;

/// <summary>The API's <c>{ router, action, params }</c>: a catalogue action on one of our routers.</summary>
/// <param name="Router">Our router's topology id.</param>
/// <param name="Action">The catalogue name, e.g. <c>LOCAL_PREF_ADJUST</c>.</param>
/// <param name="Parameters">Its params.</param>
[GenerateSerializer, Immutable]
public sealed record CatalogueChange(string Router, string Action, ActionParameters Parameters) : TwinChange
{
    /// <inheritdoc />
    public override string Describe() => $"{Action} on {Router} {Parameters}";
}
