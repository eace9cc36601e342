using OrleansNetOps.Bgp.Messages;

namespace OrleansNetOps.Bgp.Mrt;

/// <summary>BGP4MP MESSAGE and its AS4, LOCAL and ADDPATH variants: a BGP message seen on a session.</summary>
/// <param name="Header">The record header.</param>
/// <param name="Peering">Session.</param>
/// <param name="Message">The BGP message.</param>
public sealed record Bgp4mpMessageRecord(MrtHeader Header, Bgp4mpPeering Peering, BgpMessage Message) : MrtRecord(Header)
{
    /// <summary>True for the _LOCAL subtypes: the message was sent by the local speaker, not received.</summary>
    public bool IsLocal => Header.Subtype is 6 or 7 or 10 or 11;

    /// <summary>True for the AS4 subtypes (4-octet AS numbers in the record and the message).</summary>
    public bool IsAs4 => Header.Subtype is 4 or 7 or 9 or 11;

    /// <summary>True for the _ADDPATH subtypes (path identifiers in every NLRI).</summary>
    public bool IsAddPath => Header.Subtype is >= 8 and <= 11;
}
