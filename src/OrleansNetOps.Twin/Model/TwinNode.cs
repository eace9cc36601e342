using OrleansNetOps.Bgp.Decision;

namespace OrleansNetOps.Twin.Model;

/// <summary>A BGP speaker of the twin: one of our routers or an ISP's peering router.</summary>
/// <param name="Index">Position in <see cref="TwinModel.Nodes"/>.</param>
/// <param name="Id">Topology id.</param>
/// <param name="IsOurs">True for our routers, false for ISPs.</param>
/// <param name="Local">Its BGP identity.</param>
/// <param name="Sessions">Its sessions; a path from session <c>i</c> sits in RIB slot <c>i + 1</c> (slot 0 is local origination).</param>
public sealed record TwinNode(int Index, string Id, bool IsOurs, LocalRouter Local, IReadOnlyList<TwinSession> Sessions)
{
    /// <summary>The slot of the session towards <paramref name="peerId"/>, or -1.</summary>
    public int SlotOf(string peerId)
    {
        for (var i = 0; i < Sessions.Count; i++)
        {
            if (Sessions[i].PeerId == peerId)
            {
                return i + 1;
            }
        }

        return -1;
    }
}
