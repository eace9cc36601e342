using Orleans;

namespace OrleansNetOps.Twin.WhatIf;

/// <summary>A link (and the session it carries) going down, e.g. a fibre cut, or coming back.</summary>
/// <param name="A">One end's id.</param>
/// <param name="B">The other end's id.</param>
/// <param name="Up">The new state.</param>
[GenerateSerializer, Immutable]
public sealed record LinkStateChange(string A, string B, bool Up) : TwinChange
{
    /// <inheritdoc />
    public override string Describe() => $"link {A} <-> {B} {(Up ? "up" : "down")}";
}
