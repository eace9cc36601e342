namespace OrleansNetOps.Bgp.Attributes;

/// <summary>One AS_PATH segment.</summary>
/// <param name="Type">Sequence, set, or their confederation variants.</param>
/// <param name="Asns">AS numbers in wire order.</param>
public readonly record struct AsPathSegment(AsPathSegmentType Type, EquatableArray<uint> Asns)
{
    /// <summary>Contribution to path length for best-path selection (RFC 4271 9.1.2.2, RFC 5065 5.3).</summary>
    public int PathLengthContribution => Type switch
    {
        AsPathSegmentType.AsSequence => Asns.Count,
        AsPathSegmentType.AsSet => 1,
        _ => 0,
    };

    /// <summary>Sequence as <c>1 2</c>, set as <c>{1,2}</c>, confederation sequence <c>(1 2)</c>, confederation set <c>[1,2]</c>.</summary>
    public override string ToString() => Type switch
    {
        AsPathSegmentType.AsSequence => string.Join(' ', Asns),
        AsPathSegmentType.AsSet => "{" + string.Join(',', Asns) + "}",
        AsPathSegmentType.ConfedSequence => "(" + string.Join(' ', Asns) + ")",
        _ => "[" + string.Join(',', Asns) + "]",
    };
}
