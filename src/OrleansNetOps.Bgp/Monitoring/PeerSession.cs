using System.Net;
using OrleansNetOps.Bgp.Bmp;

namespace OrleansNetOps.Bgp.Monitoring;

/// <summary>
/// One monitored BGP session, driven by BMP Peer Up / Peer Down: state, uptime, flaps, last down reason.
/// Repeated Peer Downs for a session that is already down (FRR repeats them every connect retry) are not flaps.
/// </summary>
public sealed class PeerSession
{
    /// <summary>Creates the session record for a peer.</summary>
    public PeerSession(PeerKey key) => Key = key;

    /// <summary>The peer's identity.</summary>
    public PeerKey Key { get; }

    /// <summary>Peer AS (from the per-peer header).</summary>
    public uint PeerAs { get; private set; }

    /// <summary>Peer BGP identifier.</summary>
    public IPAddress PeerRouterId { get; private set; } = IPAddress.Any;

    /// <summary>The monitored router's AS on this session (from the OPEN it sent).</summary>
    public uint? LocalAs { get; private set; }

    /// <summary>The monitored router's BGP identifier on this session.</summary>
    public IPAddress? LocalRouterId { get; private set; }

    /// <summary>Local address of the session.</summary>
    public IPAddress? LocalAddress { get; private set; }

    /// <summary>The peer's description from the Peer Up information TLV, if any.</summary>
    public string? Description { get; private set; }

    /// <summary>
    /// The VRF/table name from the Peer Up information (RFC 9069 TLV type 3), e.g. <c>global</c> or a VRF's name for
    /// Loc-RIB instances; <c>vrf</c> in the API.
    /// </summary>
    public string? Vrf { get; private set; }

    /// <summary>Current state.</summary>
    public SessionState State { get; private set; } = SessionState.Idle;

    /// <summary>When it last came up.</summary>
    public DateTimeOffset? UpSince { get; private set; }

    /// <summary>How many times an established session went down.</summary>
    public int FlapCount { get; private set; }

    /// <summary>Why it last went down.</summary>
    public string? LastDownReason { get; private set; }

    /// <summary>When it last went down.</summary>
    public DateTimeOffset? LastDownAt { get; private set; }

    /// <summary>Whether the session is eBGP, once both ASes are known.</summary>
    public bool? IsExternal => LocalAs is { } local ? local != PeerAs : null;

    /// <summary>Applies a Peer Up.</summary>
    public PeerTransition? Up(BmpPeerUp up, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(up);
        PeerAs = up.Peer.PeerAs;
        PeerRouterId = up.Peer.PeerBgpId;
        LocalAs = up.SentOpen.Asn;
        LocalRouterId = up.SentOpen.BgpIdentifier;
        LocalAddress = up.LocalAddress;
        Description = up.Information.FirstOrDefault(t => t.Type == 0)?.Text ?? Description;
        Vrf = up.Information.FirstOrDefault(t => t.Type == 3)?.Text ?? Vrf;
        var from = State;
        if (from == SessionState.Established)
        {
            return null;
        }

        State = SessionState.Established;
        UpSince = at;
        return new PeerTransition(Key, from, State, at, null);
    }

    /// <summary>Applies a Peer Down.</summary>
    public PeerTransition? Down(BmpPeerDown down, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(down);
        PeerAs = down.Peer.PeerAs == 0 ? PeerAs : down.Peer.PeerAs;
        var from = State;
        var reason = PeerDownReason.Describe(down);
        if (from == SessionState.Established)
        {
            FlapCount++;
        }

        LastDownReason = reason;
        if (from == SessionState.Down)
        {
            return null;
        }

        LastDownAt = at;
        State = SessionState.Down;
        UpSince = null;
        return new PeerTransition(Key, from, State, at, reason);
    }

    /// <summary>Notes that routes arrived from a peer whose Peer Up was missed (the collector joined late).</summary>
    /// <param name="peerAs">Peer AS of the per-peer header.</param>
    /// <param name="peerRouterId">Peer BGP identifier of the per-peer header.</param>
    public void SeenRoutes(uint peerAs, IPAddress peerRouterId)
    {
        ArgumentNullException.ThrowIfNull(peerRouterId);
        PeerAs = peerAs;
        PeerRouterId = peerRouterId;
    }
}
