namespace OrleansNetOps.Bgp.Attributes;

/// <summary>An AS_PATH or AS4_PATH value.</summary>
/// <param name="Segments">Segments in wire order.</param>
public sealed record AsPath(EquatableArray<AsPathSegment> Segments)
{
    /// <summary>AS_TRANS (RFC 6793): stands in for a 4-octet AS on 2-octet sessions.</summary>
    public const uint AsTrans = 23456;

    /// <summary>The empty path of a locally originated route.</summary>
    public static AsPath Empty { get; } = new(EquatableArray<AsPathSegment>.Empty);

    /// <summary>Path length as used by best-path selection.</summary>
    public int PathLength
    {
        get
        {
            var length = 0;
            foreach (var segment in Segments.AsSpan())
            {
                length += segment.PathLengthContribution;
            }

            return length;
        }
    }

    /// <summary>Creates a path made of one AS_SEQUENCE.</summary>
    public static AsPath FromSequence(params uint[] asns) =>
        asns.Length == 0 ? Empty : new AsPath(new[] { new AsPathSegment(AsPathSegmentType.AsSequence, asns) });

    /// <summary>The originating AS: the last AS of a trailing sequence, or null (empty path, trailing set).</summary>
    public uint? OriginAsn =>
        Segments.Count > 0 && Segments[^1] is { Type: AsPathSegmentType.AsSequence, Asns.Count: > 0 } last
            ? last.Asns[^1]
            : null;

    /// <summary>
    /// Reconstructs the 4-octet path seen by a 2-octet speaker (RFC 6793 section 4.2.3): the leading ASes
    /// of AS_PATH that AS4_PATH does not cover are kept and AS4_PATH supplies the rest. When AS4_PATH is
    /// longer than AS_PATH it is ignored, as the RFC requires.
    /// </summary>
    public static AsPath MergeAs4(AsPath asPath, AsPath? as4Path)
    {
        ArgumentNullException.ThrowIfNull(asPath);
        if (as4Path is null)
        {
            return asPath;
        }

        var surplus = asPath.PathLength - as4Path.PathLength;
        if (surplus < 0)
        {
            return asPath;
        }

        var merged = new List<AsPathSegment>();
        foreach (var segment in asPath.Segments)
        {
            if (surplus == 0)
            {
                break;
            }

            switch (segment.Type)
            {
                case AsPathSegmentType.AsSequence when segment.Asns.Count > surplus:
                    merged.Add(segment with { Asns = segment.Asns.AsSpan()[..surplus].ToArray() });
                    surplus = 0;
                    break;
                default:
                    merged.Add(segment);
                    surplus -= segment.PathLengthContribution;
                    break;
            }
        }

        foreach (var segment in as4Path.Segments)
        {
            if (merged.Count > 0 && merged[^1].Type == AsPathSegmentType.AsSequence && segment.Type == AsPathSegmentType.AsSequence)
            {
                merged[^1] = merged[^1] with { Asns = merged[^1].Asns.Concat(segment.Asns).ToArray() };
            }
            else
            {
                merged.Add(segment);
            }
        }

        return new AsPath(merged.ToArray());
    }

    /// <inheritdoc />
    public bool Equals(AsPath? other) => other is not null && Segments.Equals(other.Segments);

    /// <inheritdoc />
    public override int GetHashCode() => Segments.GetHashCode();

    /// <summary>Segments separated by spaces, e.g. <c>1853 1239 {13659,701}</c>.</summary>
    public override string ToString() => string.Join(' ', Segments);
}
