using OrleansNetOps.Bgp.Attributes;

namespace OrleansNetOps.Analytics.Bgp;

/// <summary>
/// The valley-free rule (Gao 2001): read from the origin, a route climbs customer-to-provider links, crosses at most
/// one peer link, then only descends provider-to-customer. A route going up or sideways after it went sideways or
/// down has been leaked.
/// </summary>
public static class ValleyFree
{
    /// <summary>
    /// The AS_SEQUENCE part of a path, nearest AS first, with prepends collapsed. It stops at the first AS_SET (an
    /// aggregate's members say nothing about the order routes travelled) and skips confederation segments.
    /// </summary>
    public static uint[] Flatten(AsPath? path)
    {
        if (path is null)
        {
            return [];
        }

        var result = new List<uint>(path.PathLength);
        foreach (var segment in path.Segments)
        {
            if (segment.Type == AsPathSegmentType.AsSet)
            {
                break;
            }

            if (segment.Type != AsPathSegmentType.AsSequence)
            {
                continue;
            }

            foreach (var asn in segment.Asns)
            {
                if (result.Count == 0 || result[^1] != asn)
                {
                    result.Add(asn);
                }
            }
        }

        return [.. result];
    }

    /// <summary>The first place, walking from the origin, where <paramref name="path"/> (nearest AS first) leaves the rule; null when it keeps it.</summary>
    /// <remarks>Hops of unknown relationship neither climb nor descend: they are skipped, so a leak is still seen across them.</remarks>
    public static ValleyViolation? Check(ReadOnlySpan<uint> path, AsRelationships relationships)
    {
        ArgumentNullException.ThrowIfNull(relationships);
        var descended = false;
        for (var i = path.Length - 2; i >= 0; i--)
        {
            var sender = path[i + 1];
            var receiver = path[i];
            var hop = relationships.Of(sender, receiver);
            switch (hop)
            {
                case AsRelationship.CustomerOf or AsRelationship.PeerOf when descended:
                    var learnedFrom = i + 2 < path.Length ? path[i + 2] : sender;
                    return new ValleyViolation(sender, learnedFrom, receiver, relationships.Of(sender, learnedFrom), hop);
                case AsRelationship.PeerOf or AsRelationship.ProviderOf:
                    descended = true;
                    break;
            }
        }

        return null;
    }
}
