using System.Net;

namespace OrleansNetOps.Bgp.Attributes;

/// <summary>AGGREGATOR or AS4_AGGREGATOR value.</summary>
/// <param name="Asn">AS of the aggregating speaker (AS_TRANS on 2-octet sessions for a 4-octet AS).</param>
/// <param name="Address">BGP identifier of the aggregating speaker.</param>
public sealed record Aggregator(uint Asn, IPAddress Address)
{
    /// <summary><c>asn address</c>.</summary>
    public override string ToString() => $"{Asn} {Address}";
}
