namespace OrleansNetOps.Analytics.Bgp;

/// <summary>
/// Where an AS path stops being valley-free: <paramref name="Leaker"/> learned the route from a provider or a peer
/// (<paramref name="LearnedFrom"/>) and passed it to a provider or a peer (<paramref name="SentTo"/>), the route leak of
/// RFC 7908.
/// </summary>
/// <param name="Leaker">The AS that re-exported the route.</param>
/// <param name="LearnedFrom">Its neighbour toward the origin.</param>
/// <param name="SentTo">Its neighbour toward the receiver.</param>
/// <param name="FromRole">How the leaker stands toward <paramref name="LearnedFrom"/> (customer or peer; unknown when that hop is not known).</param>
/// <param name="ToRole">How the leaker stands toward <paramref name="SentTo"/> (customer or peer).</param>
public sealed record ValleyViolation(uint Leaker, uint LearnedFrom, uint SentTo, AsRelationship FromRole, AsRelationship ToRole)
{
    /// <summary>For a person, e.g. <c>AS6175 passed a route from its provider AS6830 to its provider AS3356</c>.</summary>
    public string Describe() =>
        $"AS{Leaker} passed a route from {Role(FromRole)} AS{LearnedFrom} to {Role(ToRole)} AS{SentTo}";

    private static string Role(AsRelationship leakerToNeighbor) => leakerToNeighbor switch
    {
        AsRelationship.CustomerOf => "its provider",
        AsRelationship.PeerOf => "its peer",
        AsRelationship.ProviderOf => "its customer",
        _ => "neighbour",
    };
}
