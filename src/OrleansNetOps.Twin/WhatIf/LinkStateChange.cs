using Orleans;
using System.Globalization;

namespace OrleansNetOps.Twin.WhatIf;

/// <summary>
/// A link (and the session it carries) going down, e.g. a fibre cut, or coming back (<c>LINK_DOWN</c> / <c>LINK_UP</c>).
/// </summary>
/// <param name="A">One end's id (or, with <paramref name="B"/> empty, the topology link's name, e.g. <c>R1-ISP-A</c>).</param>
/// <param name="B">The other end's id or session address; empty when <paramref name="A"/> names the link.</param>
/// <param name="Up">The new state.</param>
[GenerateSerializer, Immutable]
public sealed record LinkStateChange(string A, string B, bool Up) : NetworkEvent
{
    /// <summary>
    /// For a link going down: how long until the ends notice (the BGP hold time: nothing tells bgpd a silent link died);
    /// 0 for a session closed with a NOTIFICATION; null takes <see cref="Sla.ConvergenceModel.HoldTimeMs"/>.
    /// </summary>
    [field: Id(100)]
    public double? HoldTimeMs { get; init; }

    /// <inheritdoc />
    public override string Kind => Up ? "LINK_UP" : "LINK_DOWN";

    /// <inheritdoc />
    public override string Describe() =>
        $"link {(B.Length == 0 ? A : $"{A} <-> {B}")} {(Up ? "up" : "down")}{(HoldTimeMs is { } hold && !Up ? string.Create(CultureInfo.InvariantCulture, $" (noticed after {hold:0} ms)") : string.Empty)}";
}
