namespace OrleansNetOps.Bgp.Messages;

/// <summary>A decoded BGP message.</summary>
public abstract record BgpMessage
{
    /// <summary>Length of the fixed header: 16-byte marker, 2-byte length, 1-byte type.</summary>
    public const int HeaderLength = 19;

    /// <summary>Message type.</summary>
    public abstract BgpMessageType Type { get; }
}
