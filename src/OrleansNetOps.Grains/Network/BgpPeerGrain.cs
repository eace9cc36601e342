namespace OrleansNetOps.Grains.Network;

/// <summary>Keeps a session's flap history durable, so a restart of the service does not forget an unstable peer.</summary>
[GrainType("bgp-peer")]
public sealed class BgpPeerGrain([PersistentState("history")] IPersistentState<PeerHistory> history) : Grain, IBgpPeerGrain
{
    private const double PenaltyPerFlap = 1000;
    private static readonly TimeSpan s_halfLife = TimeSpan.FromMinutes(15);

    /// <inheritdoc />
    public async Task<PeerHistory> RecordAsync(SessionChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var state = history.State;
        if (change.To == "established")
        {
            state.LastUpAt = change.At;
        }
        else if (change.To == "down")
        {
            if (change.From == "established")
            {
                Decay(state, change.At);
                state.FlapCount++;
                state.FlapPenalty += PenaltyPerFlap;
            }

            state.LastDownReason = change.Reason;
            state.LastDownAt = change.At;
        }

        await history.WriteStateAsync();
        // Orleans copies what a call returns, so the caller never shares the grain's state.
        return state;
    }

    /// <inheritdoc />
    public Task<PeerHistory> GetHistoryAsync() => Task.FromResult(history.State);

    private static void Decay(PeerHistory state, DateTimeOffset now)
    {
        if (state.PenaltyAt is { } since && now > since)
        {
            state.FlapPenalty *= Math.Pow(0.5, (now - since) / s_halfLife);
        }

        state.PenaltyAt = now;
    }
}
