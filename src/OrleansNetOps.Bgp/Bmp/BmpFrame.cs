namespace OrleansNetOps.Bgp.Bmp;

/// <summary>Result of <see cref="BmpFraming.Frame(ReadOnlySpan{byte})"/>.</summary>
/// <param name="Status">Whether a message is available.</param>
/// <param name="Length">Message length for <see cref="BmpFrameStatus.Complete"/>; bytes needed at least otherwise.</param>
/// <param name="Error">Why framing was lost.</param>
public readonly record struct BmpFrame(BmpFrameStatus Status, int Length, string? Error = null);
