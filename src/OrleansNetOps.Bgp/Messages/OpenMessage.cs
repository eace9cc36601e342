using System.Net;

namespace OrleansNetOps.Bgp.Messages;

/// <summary>OPEN.</summary>
/// <param name="Version">Protocol version, 4.</param>
/// <param name="MyAs">2-octet AS field (AS_TRANS when the real AS needs 4 octets).</param>
/// <param name="HoldTime">Proposed hold time in seconds.</param>
/// <param name="BgpIdentifier">Router ID.</param>
/// <param name="Capabilities">Capabilities, in wire order, flattened from all capability parameters.</param>
/// <param name="OtherParameters">Optional parameters that are not capabilities.</param>
public sealed record OpenMessage(
    byte Version,
    ushort MyAs,
    ushort HoldTime,
    IPAddress BgpIdentifier,
    EquatableArray<Capability> Capabilities,
    EquatableArray<OpenParameter> OtherParameters = default) : BgpMessage
{
    /// <inheritdoc />
    public override BgpMessageType Type => BgpMessageType.Open;

    /// <summary>The AS from the 4-octet AS capability, or null when the speaker lacks it.</summary>
    public uint? FourOctetAsn => Capabilities.OfType<FourOctetAsCapability>().FirstOrDefault()?.Asn;

    /// <summary>The speaker's real AS number.</summary>
    public uint Asn => FourOctetAsn ?? MyAs;

    /// <summary>All ADD-PATH offers.</summary>
    public IEnumerable<AddPathFamily> AddPathFamilies =>
        Capabilities.OfType<AddPathCapability>().SelectMany(c => c.Families);

    /// <summary>True when route refresh (code 2) is advertised.</summary>
    public bool SupportsRouteRefresh => Capabilities.OfType<RouteRefreshCapability>().Any();
}
