using OrleansNetOps.Bgp.Attributes;

namespace OrleansNetOps.Twin.WhatIf;

/// <summary>
/// How a route's path attributes are written in the API's <c>rib</c> shape. The live RIB and the twin both write routes
/// through it, so one route reads the same wherever it is shown.
/// </summary>
public static class RouteText
{
    /// <summary><c>igp</c>, <c>egp</c>, <c>incomplete</c>; null when the route carries no ORIGIN.</summary>
    public static string? Origin(PathAttributes attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        return attributes.Origin switch
        {
            Bgp.Attributes.Origin.Igp => "igp",
            Bgp.Attributes.Origin.Egp => "egp",
            Bgp.Attributes.Origin.Incomplete => "incomplete",
            _ => null,
        };
    }

    /// <summary>AS path members in order, AS_SET members included.</summary>
    public static IReadOnlyList<uint> AsPath(Bgp.Attributes.AsPath? path) =>
        path is null ? [] : [.. path.Segments.SelectMany(s => s.Asns)];

    /// <summary>Standard communities as <c>A:B</c>.</summary>
    public static IReadOnlyList<string> Communities(PathAttributes attributes) =>
        [.. (attributes ?? throw new ArgumentNullException(nameof(attributes))).Communities.Select(c => c.ToString())];

    /// <summary>Large communities as <c>A:B:C</c>.</summary>
    public static IReadOnlyList<string> LargeCommunities(PathAttributes attributes) =>
        [.. (attributes ?? throw new ArgumentNullException(nameof(attributes))).LargeCommunities.Select(c => c.ToString())];

    /// <summary>Extended communities, e.g. <c>rt 65000:1</c>.</summary>
    public static IReadOnlyList<string> ExtCommunities(PathAttributes attributes) =>
        [.. (attributes ?? throw new ArgumentNullException(nameof(attributes))).ExtendedCommunities.Select(c => c.ToString())];

    /// <summary>CLUSTER_LIST as addresses.</summary>
    public static IReadOnlyList<string> ClusterList(PathAttributes attributes) =>
        [.. (attributes ?? throw new ArgumentNullException(nameof(attributes))).ClusterList.Select(c => c.ToString())];
}
