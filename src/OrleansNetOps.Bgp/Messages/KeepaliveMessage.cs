namespace OrleansNetOps.Bgp.Messages;

/// <summary>KEEPALIVE: a bare header.</summary>
public sealed record KeepaliveMessage : BgpMessage
{
    /// <summary>The only value there is.</summary>
    public static KeepaliveMessage Instance { get; } = new();

    /// <inheritdoc />
    public override BgpMessageType Type => BgpMessageType.Keepalive;
}
