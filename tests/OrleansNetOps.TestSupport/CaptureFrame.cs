namespace OrleansNetOps.TestSupport;

/// <summary>A captured link-layer frame with the capture's link type.</summary>
internal readonly record struct CaptureFrame(DateTimeOffset Timestamp, int LinkType, ReadOnlyMemory<byte> Data);
