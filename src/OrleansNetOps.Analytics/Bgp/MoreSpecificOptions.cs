namespace OrleansNetOps.Analytics.Bgp;

/// <summary>How <see cref="MoreSpecificHijackDetector"/> learns and what it remembers.</summary>
public sealed record MoreSpecificOptions
{
    /// <summary>Only the configured ownership, nothing learned: what a network watching its own prefixes uses.</summary>
    public static MoreSpecificOptions Default { get; } = new();

    /// <summary>
    /// Also learn ownership from announcements: a prefix's origins become its owners, and a later more-specific from an
    /// origin that is neither an owner nor downstream of one (an owner on its path) is reported. For a route collector's
    /// data, where nobody configured who owns what.
    /// </summary>
    public bool LearnFromAnnouncements { get; init; }

    /// <summary>Longest IPv4 prefix learned as an owned block (longer ones are too specific to be covered by anything that matters).</summary>
    public int MaxLearnedLengthIPv4 { get; init; } = 24;

    /// <summary>Longest IPv6 prefix learned as an owned block.</summary>
    public int MaxLearnedLengthIPv6 { get; init; } = 48;

    /// <summary>Shortest IPv4 covering prefix considered (a default route or a /4 covers everything and says nothing).</summary>
    public int MinCoveringLengthIPv4 { get; init; } = 8;

    /// <summary>Shortest IPv6 covering prefix considered.</summary>
    public int MinCoveringLengthIPv6 { get; init; } = 16;

    /// <summary>Most prefixes learned; beyond it nothing more is learned.</summary>
    public int MaxLearnedPrefixes { get; init; } = 2_500_000;

    /// <summary>How many reported (prefix, origin) pairs are remembered so each is reported once.</summary>
    public int RememberedReports { get; init; } = 100_000;
}
