namespace OrleansNetOps.Bgp.Bmp;

/// <summary>A decoded BMP message.</summary>
public abstract record BmpMessage
{
    /// <summary>Message type.</summary>
    public abstract BmpMessageType Type { get; }
}
