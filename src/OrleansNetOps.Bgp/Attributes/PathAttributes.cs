using System.Net;

namespace OrleansNetOps.Bgp.Attributes;

/// <summary>
/// The path attributes shared by the prefixes of an UPDATE or a RIB entry, minus MP_REACH/MP_UNREACH
/// (see <see cref="MpReachNlri"/>). Immutable with value equality and a cached hash, so that the
/// few hundred thousand distinct sets of a full table can be shared through an <see cref="AttributeSetInterner"/>.
/// </summary>
public sealed record PathAttributes
{
    private int _hash;
    private AsPath? _effectiveAsPath;

    /// <summary>Creates an empty set.</summary>
    public PathAttributes()
    {
    }

    // A custom copy constructor keeps `with` from copying the cached hash and merged path of the original.
    private PathAttributes(PathAttributes original)
    {
        Origin = original.Origin;
        AsPath = original.AsPath;
        As4Path = original.As4Path;
        NextHop = original.NextHop;
        MultiExitDisc = original.MultiExitDisc;
        LocalPref = original.LocalPref;
        AtomicAggregate = original.AtomicAggregate;
        Aggregator = original.Aggregator;
        As4Aggregator = original.As4Aggregator;
        Communities = original.Communities;
        OriginatorId = original.OriginatorId;
        ClusterList = original.ClusterList;
        ExtendedCommunities = original.ExtendedCommunities;
        LargeCommunities = original.LargeCommunities;
        Unrecognized = original.Unrecognized;
    }

    /// <summary>An empty attribute set, e.g. for withdraw-only UPDATEs.</summary>
    public static PathAttributes Empty { get; } = new();

    /// <summary>ORIGIN.</summary>
    public Origin? Origin { get; init; }

    /// <summary>AS_PATH as received (on 2-octet sessions it may contain AS_TRANS).</summary>
    public AsPath? AsPath { get; init; }

    /// <summary>AS4_PATH as received from a 2-octet speaker.</summary>
    public AsPath? As4Path { get; init; }

    /// <summary>NEXT_HOP (IPv4).</summary>
    public IPAddress? NextHop { get; init; }

    /// <summary>MULTI_EXIT_DISC.</summary>
    public uint? MultiExitDisc { get; init; }

    /// <summary>LOCAL_PREF.</summary>
    public uint? LocalPref { get; init; }

    /// <summary>ATOMIC_AGGREGATE present.</summary>
    public bool AtomicAggregate { get; init; }

    /// <summary>AGGREGATOR.</summary>
    public Aggregator? Aggregator { get; init; }

    /// <summary>AS4_AGGREGATOR.</summary>
    public Aggregator? As4Aggregator { get; init; }

    /// <summary>COMMUNITIES in wire order.</summary>
    public EquatableArray<Community> Communities { get; init; }

    /// <summary>ORIGINATOR_ID.</summary>
    public IPAddress? OriginatorId { get; init; }

    /// <summary>CLUSTER_LIST, most recent reflector first.</summary>
    public EquatableArray<IPAddress> ClusterList { get; init; }

    /// <summary>EXTENDED COMMUNITIES in wire order.</summary>
    public EquatableArray<ExtendedCommunity> ExtendedCommunities { get; init; }

    /// <summary>LARGE_COMMUNITY in wire order.</summary>
    public EquatableArray<LargeCommunity> LargeCommunities { get; init; }

    /// <summary>Attributes without a typed model here, kept raw in wire order.</summary>
    public EquatableArray<RawPathAttribute> Unrecognized { get; init; }

    /// <summary>
    /// The real AS path: AS_PATH merged with AS4_PATH per RFC 6793, unless AGGREGATOR names a
    /// 2-octet AS while AS4_AGGREGATOR is present, in which case AS4_PATH is ignored as the RFC says.
    /// </summary>
    public AsPath? EffectiveAsPath
    {
        get
        {
            if (_effectiveAsPath is not null || AsPath is null)
            {
                return _effectiveAsPath ?? AsPath;
            }

            var ignoreAs4 = As4Path is null
                || (Aggregator is { } aggregator && aggregator.Asn != AsPath.AsTrans && As4Aggregator is not null);
            _effectiveAsPath = ignoreAs4 ? AsPath : AsPath.MergeAs4(AsPath, As4Path);
            return _effectiveAsPath;
        }
    }

    /// <summary>The real aggregator: AS4_AGGREGATOR when AGGREGATOR carries AS_TRANS, else AGGREGATOR.</summary>
    public Aggregator? EffectiveAggregator =>
        Aggregator is { Asn: AsPath.AsTrans } && As4Aggregator is not null ? As4Aggregator : Aggregator;

    /// <inheritdoc />
    public bool Equals(PathAttributes? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        return other is not null
            && GetHashCode() == other.GetHashCode()
            && Origin == other.Origin
            && MultiExitDisc == other.MultiExitDisc
            && LocalPref == other.LocalPref
            && AtomicAggregate == other.AtomicAggregate
            && Equals(AsPath, other.AsPath)
            && Equals(As4Path, other.As4Path)
            && Equals(NextHop, other.NextHop)
            && Equals(Aggregator, other.Aggregator)
            && Equals(As4Aggregator, other.As4Aggregator)
            && Communities.Equals(other.Communities)
            && Equals(OriginatorId, other.OriginatorId)
            && ClusterList.Equals(other.ClusterList)
            && ExtendedCommunities.Equals(other.ExtendedCommunities)
            && LargeCommunities.Equals(other.LargeCommunities)
            && Unrecognized.Equals(other.Unrecognized);
    }

    /// <inheritdoc />
    public override int GetHashCode()
    {
        if (_hash != 0)
        {
            return _hash;
        }

        var hash = new HashCode();
        hash.Add(Origin);
        hash.Add(AsPath);
        hash.Add(As4Path);
        hash.Add(NextHop);
        hash.Add(MultiExitDisc);
        hash.Add(LocalPref);
        hash.Add(AtomicAggregate);
        hash.Add(Aggregator);
        hash.Add(As4Aggregator);
        hash.Add(Communities);
        hash.Add(OriginatorId);
        hash.Add(ClusterList);
        hash.Add(ExtendedCommunities);
        hash.Add(LargeCommunities);
        hash.Add(Unrecognized);
        var value = hash.ToHashCode();

        // Zero marks "not computed yet"; remap it so such a set does not rehash on every lookup.
        _hash = value == 0 ? 1 : value;
        return _hash;
    }
}
