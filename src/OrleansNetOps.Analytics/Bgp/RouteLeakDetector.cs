using System.Collections.Immutable;
using System.Net;
using OrleansNetOps.Analytics.Correlation;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Analytics.Bgp;

/// <summary>
/// Finds route leaks (valley-free violations): in paths our routers or a route collector receive, and in what our
/// routers export — a route learned from one provider sent to another. Our ISPs are our providers (topology.yaml),
/// unless the relationship data lists the pair otherwise. Each leak (prefix, leaker, from, to) is reported once.
/// </summary>
public sealed class RouteLeakDetector
{
    private readonly NetworkTopology? _topology;
    private readonly AsRelationships _relationships;
    private readonly BoundedSet<(string Prefix, uint Leaker, uint From, uint To)> _reported;
    private readonly FlatPathCache _paths = new();

    /// <summary>Creates a detector.</summary>
    /// <param name="relationships">What is known of AS relationships (a CAIDA file, the Tier-1 rule, or nothing).</param>
    /// <param name="topology">Our network: its AS and its ISPs (our providers); null for a route collector's data.</param>
    /// <param name="rememberedLeaks">How many reported leaks to remember for deduplication.</param>
    public RouteLeakDetector(AsRelationships relationships, NetworkTopology? topology = null, int rememberedLeaks = 100_000)
    {
        ArgumentNullException.ThrowIfNull(relationships);
        _topology = topology;
        foreach (var isp in topology?.Isps ?? [])
        {
            if (!relationships.IsExplicit(isp.Asn, topology!.Asn))
            {
                relationships = relationships.With(isp.Asn, topology.Asn, AsRelationship.ProviderOf);
            }
        }

        _relationships = relationships;
        _reported = new(rememberedLeaks);
    }

    /// <summary>The relationships in use, our ISPs included.</summary>
    public AsRelationships Relationships => _relationships;

    /// <summary>Checks a received route; a finding the first time a leak is seen.</summary>
    public Finding? ObserveReceived(RouteUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.IsWithdrawal)
        {
            return null;
        }

        var path = _paths.Flatten(update.Path);
        if (update.Router is not null && _topology is not null)
        {
            // FRR's BMP shows eBGP routes with our own AS already prepended (FRR-NOTES); either way the last hop is the
            // neighbour handing the route to us, so the path is checked with us at its head.
            path = [_topology.Asn, .. path.SkipWhile(asn => asn == _topology.Asn)];
        }

        if (ValleyFree.Check(path, _relationships) is not { } violation
            || !_reported.Add((update.Prefix.ToString(), violation.Leaker, violation.LearnedFrom, violation.SentTo)))
        {
            return null;
        }

        var inferred = !_relationships.IsExplicit(violation.Leaker, violation.SentTo) || !_relationships.IsExplicit(violation.Leaker, violation.LearnedFrom);
        var pathText = DetectorFindings.Path(path);
        return DetectorFindings.ForUpdate(
            FindingKind.RouteLeak,
            update,
            inferred ? 0.6 : 0.9,
            $"Route leak of {update.Prefix}: {violation.Describe()}",
            $"{update.Prefix} received on {update.Vantage} with path {pathText}: {violation.Describe()}",
            [.. Data(pathText, violation), ("inference", inferred ? "tier1" : "explicit")]);
    }

    /// <summary>Checks a route one of our routers exports; a finding when it hands a provider's or a peer's route to a provider or a peer.</summary>
    /// <exception cref="InvalidOperationException">The detector was built without a topology.</exception>
    /// <exception cref="ArgumentException">The neighbour is not in the topology.</exception>
    public Finding? ObserveExported(ExportedRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var topology = _topology ?? throw new InvalidOperationException("checking exports needs our topology (our AS and our ISPs)");
        var neighbor = NeighborNode(topology, route.Neighbor)
            ?? throw new ArgumentException($"exported route of {route.Router}: neighbour '{route.Neighbor}' is neither a topology node nor a session address", nameof(route));
        var receiver = topology.AsnOf(neighbor);
        if (receiver == topology.Asn)
        {
            return null;
        }

        var path = ValleyFree.Flatten(route.Path).SkipWhile(asn => asn == topology.Asn).ToArray();
        if (ValleyFree.Check([receiver, topology.Asn, .. path], _relationships) is not { } violation
            || violation.Leaker != topology.Asn
            || !_reported.Add((route.Prefix.ToString(), violation.Leaker, violation.LearnedFrom, violation.SentTo)))
        {
            return null;
        }

        var learnedFrom = topology.Isps.FirstOrDefault(i => i.Asn == violation.LearnedFrom)?.Id ?? $"AS{violation.LearnedFrom}";
        var pathText = DetectorFindings.Path(path);
        var evidence = DetectorFindings.Evidence(
            route.At,
            "bmp",
            $"{route.Router} sends {route.Prefix} with path {pathText} to {neighbor} (AS{receiver}): learned from {learnedFrom}",
            [("prefix", route.Prefix.ToString()), .. Data(pathText, violation), ("isp", neighbor), ("learnedFromNode", learnedFrom)]);
        return DetectorFindings.Create(
            FindingKind.RouteLeak,
            Subjects.Prefix(route.Prefix),
            route.At,
            route.Router,
            1,
            $"{route.Router} leaks {route.Prefix} learned from {learnedFrom} to {neighbor}",
            evidence);
    }

    private static (string, string)[] Data(string path, ValleyViolation violation) =>
    [
        ("path", path),
        ("leaker", violation.Leaker.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("learnedFrom", violation.LearnedFrom.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("sentTo", violation.SentTo.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    private static string? NeighborNode(NetworkTopology topology, string neighbor)
    {
        if (topology.Isp(neighbor) is not null || topology.Router(neighbor) is not null)
        {
            return neighbor;
        }

        return IPAddress.TryParse(neighbor, out var address) ? topology.NodeWithAddress(address) : null;
    }
}
