namespace OrleansNetOps.Bgp.Wire;

/// <summary>
/// Raised when bytes on the wire do not form a valid BGP, BMP or MRT structure. It names the field that
/// could not be read and the byte offset (relative to the start of the decoded message) so a collector can
/// log a precise reason and carry on with the next message.
/// </summary>
public sealed class BgpDecodeException : FormatException
{
    /// <summary>Creates an error for <paramref name="field"/> at <paramref name="offset"/>.</summary>
    public BgpDecodeException(string field, int offset, string reason)
        : base($"{field} at offset {offset}: {reason}")
    {
        Field = field;
        Offset = offset;
        Reason = reason;
    }

    /// <summary>The wire field that was being decoded, e.g. <c>AS_PATH segment length</c>.</summary>
    public string Field { get; }

    /// <summary>Byte offset of the field from the start of the outermost message being decoded.</summary>
    public int Offset { get; }

    /// <summary>What was wrong with the field.</summary>
    public string Reason { get; }
}
