using System.Collections.Immutable;
using Orleans;

namespace OrleansNetOps.Bgp.Bmp;

/// <summary>What became of a <see cref="BmpFrameBatch"/> handed to a router.</summary>
/// <param name="Disposition">Applied, held back as a standby session's, or refused until the session starts over.</param>
/// <param name="Parsed">Messages decoded and applied.</param>
/// <param name="Rejects">Messages that were malformed and skipped.</param>
[GenerateSerializer, Immutable]
public sealed record BmpBatchOutcome(BmpBatchDisposition Disposition, int Parsed, ImmutableArray<BmpFrameReject> Rejects)
{
    /// <summary>A standby session's batch: not applied.</summary>
    public static BmpBatchOutcome Standby { get; } = new(BmpBatchDisposition.Standby, 0, []);

    /// <summary>The session must start over so the router re-sends everything.</summary>
    public static BmpBatchOutcome Resync { get; } = new(BmpBatchDisposition.Resync, 0, []);
}
