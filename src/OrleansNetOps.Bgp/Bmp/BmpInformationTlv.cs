using System.Text;

namespace OrleansNetOps.Bgp.Bmp;

/// <summary>An information TLV of Initiation, Termination, Peer Up or Route Mirroring.</summary>
/// <param name="Type">
/// TLV type: Initiation 0 string, 1 sysDescr, 2 sysName (3 VRF/table name and 4 admin label in Peer Up);
/// Termination 0 string, 1 reason; Route Mirroring 0 BGP message, 1 information.
/// </param>
/// <param name="Value">Value bytes.</param>
public sealed record BmpInformationTlv(ushort Type, EquatableArray<byte> Value)
{
    /// <summary>The value as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(Value.AsSpan());

    /// <summary>The value as a 2-octet code (Termination reason, Route Mirroring information), or null.</summary>
    public ushort? Code => Value.Count == 2 ? (ushort)((Value[0] << 8) | Value[1]) : null;
}
