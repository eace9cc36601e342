using OrleansNetOps.Bgp.Attributes;

namespace OrleansNetOps.Bgp.Decision;

/// <summary>AS_PATH rewrites shared by export (prepend on eBGP) and policy (<c>set as-path prepend</c>).</summary>
internal static class AsPathEdit
{
    // RFC 4271: a segment's length field is one octet.
    private const int MaxSegmentLength = 255;

    /// <summary>Prepends <paramref name="asns"/> (leftmost first) into a leading segment of <paramref name="type"/>.</summary>
    public static AsPath Prepend(AsPath? path, IReadOnlyList<uint> asns, AsPathSegmentType type = AsPathSegmentType.AsSequence)
    {
        path ??= AsPath.Empty;
        if (asns.Count == 0)
        {
            return path;
        }

        var segments = path.Segments.ToList();
        var leading = new List<uint>(asns);
        if (segments.Count > 0 && segments[0].Type == type)
        {
            leading.AddRange(segments[0].Asns);
            segments.RemoveAt(0);
        }

        var result = new List<AsPathSegment>();
        for (var i = 0; i < leading.Count; i += MaxSegmentLength)
        {
            result.Add(new AsPathSegment(type, leading.Skip(i).Take(MaxSegmentLength).ToArray()));
        }

        result.AddRange(segments);
        return new AsPath(result.ToArray());
    }

    /// <summary>Drops confederation segments, as a confederation border does towards a true external peer (RFC 5065 5.1).</summary>
    public static AsPath StripConfederation(AsPath? path)
    {
        path ??= AsPath.Empty;
        var kept = path.Segments.Where(s => s.Type is AsPathSegmentType.AsSequence or AsPathSegmentType.AsSet).ToArray();
        return kept.Length == path.Segments.Count ? path : new AsPath(kept);
    }

    /// <summary>How often <paramref name="asn"/> appears anywhere in the path (FRR's loop count).</summary>
    public static int Occurrences(AsPath? path, uint asn)
    {
        var count = 0;
        foreach (var segment in (path ?? AsPath.Empty).Segments)
        {
            foreach (var member in segment.Asns)
            {
                if (member == asn)
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>The leftmost AS of the path, or null when it is empty.</summary>
    public static uint? Leftmost(AsPath? path) =>
        path is { Segments.Count: > 0 } && path.Segments[0].Asns.Count > 0 ? path.Segments[0].Asns[0] : null;
}
