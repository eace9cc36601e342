namespace OrleansNetOps.Bgp.Attributes;

/// <summary>A large community (RFC 8092).</summary>
/// <param name="GlobalAdministrator">Usually the 4-octet AS of the definer.</param>
/// <param name="LocalData1">First local value.</param>
/// <param name="LocalData2">Second local value.</param>
public readonly record struct LargeCommunity(uint GlobalAdministrator, uint LocalData1, uint LocalData2)
{
    /// <summary><c>global:local1:local2</c>.</summary>
    public override string ToString() => $"{GlobalAdministrator}:{LocalData1}:{LocalData2}";
}
