using Orleans;

namespace OrleansNetOps.Bgp.Bmp;

/// <summary>A message of a <see cref="BmpFrameBatch"/> that could not be decoded and was skipped.</summary>
/// <param name="Offset">Stream offset of the message in its session.</param>
/// <param name="Field">The wire field that failed (the reject reason counters use).</param>
/// <param name="Error">What was wrong, with the offset inside the message.</param>
/// <param name="Length">Bytes skipped.</param>
[GenerateSerializer, Immutable]
public sealed record BmpFrameReject(long Offset, string Field, string Error, int Length);
