using System.Net;
using System.Net.Sockets;
using OrleansNetOps.Bgp.Attributes;

namespace OrleansNetOps.Bgp.Decision;

/// <summary>
/// The BGP decision process as FRR 8.4's bgpd applies it (<c>bgp_path_info_cmp</c> and the deterministic-MED
/// grouping of <c>bgp_best_selection</c>). Pure: the outcome depends only on the candidates' fields, never
/// on the order of the list passed in.
/// </summary>
public static class BestPathSelector
{
    private const uint MedMax = uint.MaxValue;

    /// <summary>FRR's wording for a decision step.</summary>
    public static string Describe(DecisionStep step) => step switch
    {
        DecisionStep.None => "Nothing to Select",
        DecisionStep.OnlyPath => "First path received",
        DecisionStep.Weight => "Weight",
        DecisionStep.LocalPref => "Local Pref",
        DecisionStep.LocalRoute => "Local Route",
        DecisionStep.AsPath => "AS Path",
        DecisionStep.ConfederationAsPath => "Confederation based AS Path",
        DecisionStep.Origin => "Origin",
        DecisionStep.Med => "MED",
        DecisionStep.PeerType => "Peer Type",
        DecisionStep.IgpMetric => "IGP Metric",
        DecisionStep.ConfederationPeerType => "Confed Peer Type",
        DecisionStep.OlderPath => "Older Path",
        DecisionStep.RouterId => "Router ID",
        DecisionStep.ClusterLength => "Cluster length",
        DecisionStep.LocallyConfigured => "Locally configured route",
        DecisionStep.NeighborAddress => "Neighbor IP",
        _ => "Nothing left to compare",
    };

    /// <summary>Selects the best path among <paramref name="candidates"/> and names the step that beat the runner-up.</summary>
    public static BestPathResult Select(IEnumerable<CandidatePath> candidates, BestPathOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        options ??= BestPathOptions.Default;
        var list = ListOrder(candidates);
        if (list.Count == 0)
        {
            return new BestPathResult(null, null, DecisionStep.None);
        }

        var best = Pick(list, options);
        if (list.Count == 1)
        {
            return new BestPathResult(best, null, DecisionStep.OnlyPath);
        }

        // The runner-up is what would win without the best path; the step between the two is the
        // explanation an operator wants ("beaten on Local Pref"), independent of list order.
        var rest = list.Where(path => !ReferenceEquals(path, best)).ToList();
        var runnerUp = Pick(rest, options);
        return new BestPathResult(best, runnerUp, Compare(best, runnerUp, options).Step);
    }

    /// <summary>Compares two paths step by step in FRR's order.</summary>
    public static PathComparison Compare(CandidatePath first, CandidatePath second, BestPathOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        options ??= BestPathOptions.Default;
        var a = first.Attributes;
        var b = second.Attributes;

        // Higher is better for weight and LOCAL_PREF, so the operands are swapped.
        var order = second.Weight.CompareTo(first.Weight);
        if (order != 0)
        {
            return new(order, DecisionStep.Weight);
        }

        // Import already dropped LOCAL_PREF from eBGP (ReceiveRules); absent means the instance default.
        order = (b.LocalPref ?? options.DefaultLocalPref).CompareTo(a.LocalPref ?? options.DefaultLocalPref);
        if (order != 0)
        {
            return new(order, DecisionStep.LocalPref);
        }

        order = (second.Peer.Type == PeerType.Local).CompareTo(first.Peer.Type == PeerType.Local);
        if (order != 0)
        {
            return new(order, DecisionStep.LocalRoute);
        }

        var pathA = a.EffectiveAsPath ?? AsPath.Empty;
        var pathB = b.EffectiveAsPath ?? AsPath.Empty;
        var hopsA = pathA.PathLength;
        var hopsB = pathB.PathLength;
        if (!options.AsPathIgnore)
        {
            order = options.AsPathConfed
                ? (hopsA + ConfedCount(pathA)).CompareTo(hopsB + ConfedCount(pathB))
                : hopsA.CompareTo(hopsB);
            if (order != 0)
            {
                return new(order, options.AsPathConfed ? DecisionStep.ConfederationAsPath : DecisionStep.AsPath);
            }
        }

        // A missing ORIGIN cannot happen on a valid UPDATE; rank it last rather than fail.
        order = (a.Origin ?? Origin.Incomplete).CompareTo(b.Origin ?? Origin.Incomplete);
        if (order != 0)
        {
            return new(order, DecisionStep.Origin);
        }

        if (MedComparable(pathA, pathB, hopsA, hopsB, options))
        {
            var missing = options.MedMissingAsWorst ? MedMax : 0u;
            order = (a.MultiExitDisc ?? missing).CompareTo(b.MultiExitDisc ?? missing);
            if (order != 0)
            {
                return new(order, DecisionStep.Med);
            }
        }

        var externalA = first.Peer.Type == PeerType.External;
        var externalB = second.Peer.Type == PeerType.External;
        order = externalB.CompareTo(externalA);
        if (order != 0)
        {
            return new(order, DecisionStep.PeerType);
        }

        order = first.IgpMetric.CompareTo(second.IgpMetric);
        if (order != 0)
        {
            return new(order, DecisionStep.IgpMetric);
        }

        // FRR applies this only with confederations configured; ConfederationExternal peers imply that.
        if (first.Peer.Type != second.Peer.Type
            && first.Peer.Type is PeerType.ConfederationExternal or PeerType.Internal
            && second.Peer.Type is PeerType.ConfederationExternal or PeerType.Internal)
        {
            return new(first.Peer.Type == PeerType.ConfederationExternal ? -1 : 1, DecisionStep.ConfederationPeerType);
        }

        // FRR keeps the already-selected path between two eBGP paths to avoid churn; the oldest
        // received is the model of "already selected" here.
        if (!options.CompareRouterId && externalA && externalB)
        {
            order = first.ReceivedOrder.CompareTo(second.ReceivedOrder);
            if (order != 0)
            {
                return new(order, DecisionStep.OlderPath);
            }
        }

        // RFC 4456 section 9: a reflected path is identified by its originator, not by the reflector.
        order = RouterIdValue(a.OriginatorId ?? first.Peer.RouterId).CompareTo(RouterIdValue(b.OriginatorId ?? second.Peer.RouterId));
        if (order != 0)
        {
            return new(order, DecisionStep.RouterId);
        }

        order = a.ClusterList.Count.CompareTo(b.ClusterList.Count);
        if (order != 0)
        {
            return new(order, DecisionStep.ClusterLength);
        }

        // FRR's peer_self has no remote address, and such a path loses this step.
        var localA = first.Peer.Type == PeerType.Local;
        var localB = second.Peer.Type == PeerType.Local;
        if (localA != localB)
        {
            return new(localA ? 1 : -1, DecisionStep.LocallyConfigured);
        }

        order = CompareAddresses(first.Peer.Address, second.Peer.Address);
        if (order != 0)
        {
            return new(order, DecisionStep.NeighborAddress);
        }

        // FRR would keep whichever it met first; a total order keeps the twin reproducible.
        order = first.PathId.CompareTo(second.PathId);
        if (order == 0)
        {
            order = first.ReceivedOrder.CompareTo(second.ReceivedOrder);
        }

        return new(order, DecisionStep.NothingLeft);
    }

    /// <summary>
    /// The first AS of the path as FRR's MED grouping sees it: the first AS of the first non-confederation
    /// segment when that segment is an AS_SEQUENCE; null otherwise (empty path, leading AS_SET).
    /// </summary>
    public static uint? NeighbourAs(AsPath? path)
    {
        foreach (var segment in (path ?? AsPath.Empty).Segments)
        {
            if (segment.Type is AsPathSegmentType.ConfedSequence or AsPathSegmentType.ConfedSet)
            {
                continue;
            }

            return segment.Type == AsPathSegmentType.AsSequence && segment.Asns.Count > 0 ? segment.Asns[0] : null;
        }

        return null;
    }

    private static uint? LeftConfedAs(AsPath path) =>
        path.Segments.Count > 0 && path.Segments[0] is { Type: AsPathSegmentType.ConfedSequence, Asns.Count: > 0 } first
            ? first.Asns[0]
            : null;

    private static int ConfedCount(AsPath path)
    {
        var count = 0;
        foreach (var segment in path.Segments)
        {
            count += segment.Type switch
            {
                AsPathSegmentType.ConfedSequence => segment.Asns.Count,
                AsPathSegmentType.ConfedSet => 1,
                _ => 0,
            };
        }

        return count;
    }

    // FRR compares MED between paths from the same neighbouring AS (or the same confederation member),
    // between paths that never left the AS or confederation (no hops), or always when configured.
    private static bool MedComparable(AsPath a, AsPath b, int hopsA, int hopsB, BestPathOptions options) =>
        options.AlwaysCompareMed || (hopsA == 0 && hopsB == 0) || SameNeighbour(a, b);

    private static bool SameNeighbour(AsPath a, AsPath b)
    {
        if (a.Segments.IsEmpty && b.Segments.IsEmpty)
        {
            return true;
        }

        var left = NeighbourAs(a);
        if (left is not null && left == NeighbourAs(b))
        {
            return true;
        }

        var confed = LeftConfedAs(a);
        return confed is not null && confed == LeftConfedAs(b);
    }

    private static uint RouterIdValue(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        return address.TryWriteBytes(bytes, out var written) && written == 4
            ? System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes)
            : uint.MaxValue;
    }

    internal static int CompareAddresses(IPAddress a, IPAddress b)
    {
        var family = (a.AddressFamily == AddressFamily.InterNetworkV6).CompareTo(b.AddressFamily == AddressFamily.InterNetworkV6);
        if (family != 0)
        {
            return family;
        }

        return a.GetAddressBytes().AsSpan().SequenceCompareTo(b.GetAddressBytes());
    }

    // FRR's path list holds the newest path first; sorting by arrival (then identity) rebuilds that
    // order from the candidates' own fields, so the caller's list order never matters.
    private static List<CandidatePath> ListOrder(IEnumerable<CandidatePath> candidates)
    {
        var list = candidates.ToList();
        list.Sort((x, y) =>
        {
            var order = y.ReceivedOrder.CompareTo(x.ReceivedOrder);
            if (order == 0)
            {
                order = CompareAddresses(x.Peer.Address, y.Peer.Address);
            }

            return order != 0 ? order : x.PathId.CompareTo(y.PathId);
        });
        return list;
    }

    private static CandidatePath Pick(List<CandidatePath> listOrder, BestPathOptions options)
    {
        if (!options.DeterministicMed)
        {
            return Walk(listOrder, options);
        }

        // Deterministic MED: the best of each neighbouring-AS group, then the best of those. Paths with
        // no usable first AS (leading AS_SET) form groups of one, as in FRR.
        var winners = new List<CandidatePath>();
        foreach (var group in listOrder.GroupBy(GroupKey))
        {
            winners.Add(Walk(group.ToList(), options));
        }

        return Walk(winners, options);
    }

    private static object GroupKey(CandidatePath path)
    {
        var asPath = path.Attributes.EffectiveAsPath ?? AsPath.Empty;
        if (asPath.Segments.IsEmpty)
        {
            return "internal";
        }

        if (NeighbourAs(asPath) is { } neighbour)
        {
            return neighbour;
        }

        return LeftConfedAs(asPath) is { } confed ? "confed:" + confed : path;
    }

    private static CandidatePath Walk(List<CandidatePath> listOrder, BestPathOptions options)
    {
        var best = listOrder[0];
        for (var i = 1; i < listOrder.Count; i++)
        {
            if (Compare(listOrder[i], best, options).FirstWins)
            {
                best = listOrder[i];
            }
        }

        return best;
    }
}
