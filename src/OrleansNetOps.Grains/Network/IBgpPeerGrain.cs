namespace OrleansNetOps.Grains.Network;

/// <summary>One BGP session of one router, keyed <c>routerId|peer</c>: its durable history.</summary>
public interface IBgpPeerGrain : IGrainWithStringKey
{
    /// <summary>Records a state change and returns the history after it.</summary>
    Task<PeerHistory> RecordAsync(SessionChange change);

    /// <summary>The history.</summary>
    Task<PeerHistory> GetHistoryAsync();
}
