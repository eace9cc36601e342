using OrleansNetOps.Analytics.Bgp;
using OrleansNetOps.Bgp.Monitoring;
using OrleansNetOps.Grains.Analysis;
using SessionTransition = OrleansNetOps.Analytics.Bgp.SessionChange;

namespace OrleansNetOps.Grains.Network;

/// <summary>
/// Keeps a session's flap history durable, so a restart of the service does not forget an unstable peer. The damping
/// arithmetic (RFC 2439) is the Analytics library's <see cref="SessionFlapDetector"/>: this grain only holds the
/// history it returns between changes, in its own storage shape (<see cref="PeerHistory"/>), and publishes the findings
/// it reports (session down, flap over the suppress limit).
/// </summary>
[GrainType("bgp-peer")]
public sealed class BgpPeerGrain([PersistentState("history")] IPersistentState<PeerHistory> history) : Grain, IBgpPeerGrain
{
    private static readonly SessionFlapDetector s_detector = new();

    /// <inheritdoc />
    public async Task<PeerHistory> RecordAsync(SessionChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (router, neighbor) = Session(this.GetPrimaryKeyString());
        var step = s_detector.Observe(ToSession(history.State, router, neighbor), new SessionTransition(
            change.At, router, neighbor, ParseState(change.From, nameof(change.From)), ParseState(change.To, nameof(change.To)), change.Reason));
        var before = history.State;
        history.State = FromSession(step.History);
        BgpPeerMetrics.Record(router, before, history.State);
        await history.WriteStateAsync();
        // A session leaving Established, and a flap that crossed the suppress limit, are findings for the correlator.
        await this.PublishFindingsAsync(step.Findings);
        // Orleans copies what a call returns, so the caller never shares the grain's state.
        return history.State;
    }

    /// <inheritdoc />
    public Task<PeerHistory> GetHistoryAsync() => Task.FromResult(history.State);

    /// <summary>The router and neighbour of a grain key <c>routerId|peer</c> (the peer may carry an RD: <c>rd|address</c>).</summary>
    internal static (string Router, string Neighbor) Session(string key)
    {
        var bar = key.IndexOf('|', StringComparison.Ordinal);
        return bar > 0 && bar < key.Length - 1
            ? (key[..bar], key[(bar + 1)..])
            : throw new ArgumentException($"peer grain key '{key}' is not 'routerId|peer'", nameof(key));
    }

    /// <summary>The detector's view of a stored history.</summary>
    internal static SessionHistory ToSession(PeerHistory stored, string router, string neighbor) => new(router, neighbor)
    {
        State = stored.State is null ? SessionState.Idle : ParseState(stored.State, nameof(PeerHistory.State)),
        Penalty = new DampingPenalty(stored.FlapPenalty, stored.PenaltyAt ?? default, stored.Suppressed),
        FlapCount = stored.FlapCount,
        LastUpAt = stored.LastUpAt,
        LastDownAt = stored.LastDownAt,
        LastDownReason = stored.LastDownReason,
    };

    /// <summary>The storage shape of the detector's history.</summary>
    internal static PeerHistory FromSession(SessionHistory session) => new()
    {
        State = RouteViews.StateName(session.State),
        FlapCount = session.FlapCount,
        FlapPenalty = session.Penalty.Value,
        PenaltyAt = session.Penalty.At == default ? null : session.Penalty.At,
        Suppressed = session.Penalty.Suppressed,
        LastUpAt = session.LastUpAt,
        LastDownAt = session.LastDownAt,
        LastDownReason = session.LastDownReason,
    };

    private static SessionState ParseState(string name, string field) =>
        Enum.TryParse<SessionState>(name, ignoreCase: true, out var state) && Enum.IsDefined(state) && !int.TryParse(name, out _)
            ? state
            : throw new ArgumentException($"{field}: '{name}' is not a BGP session state ({string.Join(", ", Enum.GetNames<SessionState>().Select(n => n.ToLowerInvariant()))})", field);
}
