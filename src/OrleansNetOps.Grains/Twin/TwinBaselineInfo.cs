namespace OrleansNetOps.Grains.Twin;

/// <summary>Where the twin's current baseline comes from.</summary>
/// <param name="BuiltAt">When it was converged.</param>
/// <param name="Prefixes">Prefixes it knows.</param>
/// <param name="LiveFeeds">eBGP sessions whose routes came from live BMP (0: the topology's announcements only).</param>
/// <param name="DownLinks">Links taken as down because their session is down live.</param>
[GenerateSerializer, Immutable]
public sealed record TwinBaselineInfo(DateTimeOffset BuiltAt, int Prefixes, int LiveFeeds, IReadOnlyList<string> DownLinks);
