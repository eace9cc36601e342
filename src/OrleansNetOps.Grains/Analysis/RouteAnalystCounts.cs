namespace OrleansNetOps.Grains.Analysis;

/// <summary>How much a router's route analyst has seen.</summary>
/// <param name="PrefixUpdates">Prefix announcements and withdrawals checked.</param>
/// <param name="TrackedPrefixes">Prefixes whose origins are tracked.</param>
/// <param name="Malformed">BMP messages that did not decode.</param>
/// <param name="Skipped">Batches not read: the analyst joined a BMP session after its start, or a batch was missing.</param>
[GenerateSerializer, Immutable]
public sealed record RouteAnalystCounts(long PrefixUpdates, int TrackedPrefixes, long Malformed, long Skipped);
