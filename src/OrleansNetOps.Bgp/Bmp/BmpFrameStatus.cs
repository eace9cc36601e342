namespace OrleansNetOps.Bgp.Bmp;

/// <summary>Outcome of looking for a BMP message at the start of a buffer.</summary>
public enum BmpFrameStatus
{
    /// <summary>The buffer holds less than a whole message; read more.</summary>
    NeedMoreData,

    /// <summary>A whole message of <see cref="BmpFrame.Length"/> bytes is available.</summary>
    Complete,

    /// <summary>The header is not BMP v3 or its length is impossible; the stream cannot be resynchronised.</summary>
    FramingLost,
}
