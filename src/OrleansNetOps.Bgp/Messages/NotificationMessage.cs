namespace OrleansNetOps.Bgp.Messages;

/// <summary>NOTIFICATION.</summary>
/// <param name="ErrorCode">Error code.</param>
/// <param name="ErrorSubcode">Error subcode.</param>
/// <param name="Data">Diagnostic data (for Cease/Shutdown, a length-prefixed UTF-8 reason, RFC 9003).</param>
public sealed record NotificationMessage(byte ErrorCode, byte ErrorSubcode, EquatableArray<byte> Data = default) : BgpMessage
{
    /// <inheritdoc />
    public override BgpMessageType Type => BgpMessageType.Notification;

    /// <summary>Name of the error code, e.g. <c>Cease</c>.</summary>
    public string ErrorName => NotificationCodes.ErrorName(ErrorCode);

    /// <summary>Name of the subcode, e.g. <c>Administrative Shutdown</c>.</summary>
    public string SubcodeName => NotificationCodes.SubcodeName(ErrorCode, ErrorSubcode);

    /// <summary>e.g. <c>6/2 Cease: Administrative Shutdown</c>.</summary>
    public override string ToString() => $"{ErrorCode}/{ErrorSubcode} {ErrorName}: {SubcodeName}";
}
