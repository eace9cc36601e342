using System.Globalization;
using System.Text;
using System.Text.Json;
using OrleansNetOps.Assistant.Intents;
using OrleansNetOps.Assistant.State;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Assistant.Questions;

/// <summary>
/// Answers questions without a model: recognises what is asked about (a router's health, the path to a prefix, open
/// incidents, why an action was taken, the routers) from the topology's names and a few concepts, reads the state
/// through the API and fills a template. Every sentence of an answer comes from a read it cites.
/// </summary>
public sealed class OfflineAnswerer
{
    /// <summary>What it can answer, for questions it does not recognise.</summary>
    public const string Capabilities =
        "I can answer: \"what's wrong with R2?\", \"how is edge-router-01?\", \"which path does R3 take to 8.8.8.0/24?\", "
        + "\"which routers are down?\", \"what incidents are open?\", \"why did you prepend on R1?\".";

    private static readonly string[] s_explainWords = ["why", "explain", "reason", "justify"];
    private static readonly string[] s_incidentWords = ["incident", "incidents", "outage", "outages"];
    private static readonly string[] s_pathWords = ["path", "paths", "route", "routes", "reach", "exit", "egress", "via", "best", "next-hop", "nexthop"];
    private static readonly string[] s_listWords = ["routers", "devices", "network", "everything", "all"];

    private static readonly Dictionary<string, string> s_actionOfConcept = new(StringComparer.Ordinal)
    {
        ["PREPEND"] = "AS_PATH_PREPEND", ["LP"] = "LOCAL_PREF_ADJUST", ["MED"] = "MED_ADJUST", ["COMMUNITY"] = "COMMUNITY_TAG",
        ["NEXTHOP"] = "NEXT_HOP_CHANGE", ["FILTER"] = "PREFIX_FILTER", ["SHUT"] = "PEER_DEACTIVATE", ["ACTIVATE"] = "PEER_ACTIVATE",
        ["FAILOVER"] = "ISP_FAILOVER", ["REROUTE"] = "FULL_REROUTE", ["DEPEER"] = "DEPEER",
    };

    private readonly TopologyNames _names;

    /// <summary>An answerer for the nodes of <paramref name="topology"/>.</summary>
    public OfflineAnswerer(NetworkTopology topology) => _names = new TopologyNames(topology);

    /// <summary>Answers <paramref name="question"/> from what <paramref name="state"/> reads.</summary>
    public async Task<AssistantAnswer> AnswerAsync(string question, NetworkStateReader state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var tokens = IntentTokenizer.Tokenize(question ?? string.Empty, _names);
        var words = tokens.Where(t => t.Kind == TokenKind.Word).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        var routers = tokens.Where(t => t.Entity is { IsRouter: true }).Select(t => t.Entity!.Id).Distinct().ToList();
        var prefixes = tokens.Where(t => t.Kind == TokenKind.Prefix).Select(t => t.Text).Distinct().ToList();

        string answer;
        if (s_explainWords.Any(words.Contains))
        {
            answer = await ExplainAsync(tokens, routers, state, cancellationToken).ConfigureAwait(false);
        }
        else if (prefixes.Count > 0 || (routers.Count > 0 && s_pathWords.Any(words.Contains)))
        {
            answer = prefixes.Count == 0
                ? "Name the prefix you want the path to (e.g. 8.8.8.0/24)."
                : await PathsAsync(routers, prefixes, state, cancellationToken).ConfigureAwait(false);
        }
        else if (s_incidentWords.Any(words.Contains))
        {
            answer = await IncidentsAsync(state, cancellationToken).ConfigureAwait(false);
        }
        else if (routers.Count > 0)
        {
            var parts = new List<string>();
            foreach (var router in routers)
            {
                parts.Add(await RouterHealthAsync(router, state, cancellationToken).ConfigureAwait(false));
            }

            answer = string.Join("\n", parts);
        }
        else if (s_listWords.Any(words.Contains) || words.Contains("down") || words.Contains("status") || words.Contains("wrong"))
        {
            answer = await RoutersAsync(state, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            answer = "I did not understand the question. " + Capabilities;
        }

        return new AssistantAnswer(answer, state.Sources, "offline");
    }

    private static async Task<string> RouterHealthAsync(string router, NetworkStateReader state, CancellationToken cancellationToken)
    {
        var reading = await state.RouterAsync(router, cancellationToken).ConfigureAwait(false);
        if (reading.Json is not { } r)
        {
            return $"{router}: no state ({NetworkStateReader.Missing(reading)}).";
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"{router} ({Str(r, "hostname")}, {Str(r, "role")}) is {Str(r, "status")}: {Int(r, "peersEstablished")} of {Int(r, "peersTotal")} BGP sessions established, {Long(r, "routesHeld")} routes held.");
        var down = r.TryGetProperty("peers", out var peers)
            ? peers.EnumerateArray().Where(p => Str(p, "state") != "established").ToList()
            : [];
        foreach (var peer in down)
        {
            text.Append(CultureInfo.InvariantCulture,
                $" Session {Str(peer, "peerAddress")} (AS{Long(peer, "peerAs")}) is {Str(peer, "state")}{(Str(peer, "lastDownReason") is { Length: > 0 } reason and not "-" ? $", last down: {reason}" : string.Empty)}.");
        }

        var flapping = r.TryGetProperty("peers", out peers)
            ? peers.EnumerateArray().Where(p => Long(p, "flapCount") > 0).ToList()
            : [];
        foreach (var peer in flapping)
        {
            text.Append(CultureInfo.InvariantCulture, $" Session {Str(peer, "peerAddress")} has flapped {Long(peer, "flapCount")} time(s).");
        }

        var findings = await state.FindingsAsync(router, cancellationToken).ConfigureAwait(false);
        if (findings.Json is { ValueKind: JsonValueKind.Array } list && list.GetArrayLength() > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" {list.GetArrayLength()} recent finding(s):");
            foreach (var finding in list.EnumerateArray().Take(5))
            {
                text.Append(CultureInfo.InvariantCulture, $" [{Str(finding, "kind")}, score {Dbl(finding, "score"):0.00}] {Str(finding, "summary")}.");
            }
        }
        else if (down.Count == 0 && flapping.Count == 0 && Str(r, "status") == "up")
        {
            text.Append(findings.Found ? " Nothing is wrong that I can see: no findings." : " Nothing is wrong that I can see.");
        }

        var incidents = await state.IncidentsAsync(cancellationToken).ConfigureAwait(false);
        if (incidents.Json is { ValueKind: JsonValueKind.Array } open)
        {
            foreach (var incident in open.EnumerateArray().Where(i => i.TryGetProperty("routers", out var rs) && rs.EnumerateArray().Any(x => x.GetString() == router)))
            {
                text.Append(CultureInfo.InvariantCulture, $" Open incident {Str(incident, "id")} ({Str(incident, "severity")}): {Str(incident, "title")}.");
                if (incident.TryGetProperty("rootCause", out var cause) && cause.ValueKind == JsonValueKind.Object)
                {
                    text.Append(CultureInfo.InvariantCulture, $" Root cause ({Dbl(cause, "confidence"):P0} confidence): {Str(cause, "summary")}.");
                }
            }
        }

        return text.ToString();
    }

    private async Task<string> PathsAsync(List<string> routers, List<string> prefixes, NetworkStateReader state, CancellationToken cancellationToken)
    {
        var targets = routers.Count > 0 ? routers : _names.Topology.Routers.Select(r => r.Id).ToList();
        var lines = new List<string>();
        foreach (var prefix in prefixes)
        {
            foreach (var router in targets)
            {
                var reading = await state.RoutesAsync(router, prefix, cancellationToken).ConfigureAwait(false);
                if (reading.Json is not { } rib || !rib.TryGetProperty("routes", out var routes))
                {
                    lines.Add($"{router}: no RIB for {prefix} ({NetworkStateReader.Missing(reading)}).");
                    continue;
                }

                var best = routes.EnumerateArray().FirstOrDefault(r => r.TryGetProperty("best", out var b) && b.GetBoolean());
                if (best.ValueKind != JsonValueKind.Object)
                {
                    lines.Add($"{router} has no route to {prefix}.");
                    continue;
                }

                var asPath = best.TryGetProperty("asPath", out var path) ? string.Join(' ', path.EnumerateArray().Select(a => a.GetUInt32())) : string.Empty;
                var exit = Exit(asPath);
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{router} reaches {prefix} via next hop {Str(best, "nextHop")}, AS path [{asPath}]{(exit is null ? string.Empty : $" (exit {exit})")}, LOCAL_PREF {Long(best, "localPref")}, MED {Long(best, "med")}."));
            }
        }

        return string.Join("\n", lines);
    }

    private string? Exit(string asPath)
    {
        var first = asPath.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return first is null ? null : _names.Topology.Isps.FirstOrDefault(i => i.Asn.ToString(CultureInfo.InvariantCulture) == first)?.Id;
    }

    private static async Task<string> IncidentsAsync(NetworkStateReader state, CancellationToken cancellationToken)
    {
        var reading = await state.IncidentsAsync(cancellationToken).ConfigureAwait(false);
        if (reading.Json is not { ValueKind: JsonValueKind.Array } incidents)
        {
            return $"I cannot see incidents ({NetworkStateReader.Missing(reading)}).";
        }

        if (incidents.GetArrayLength() == 0)
        {
            return "No incident is open.";
        }

        return string.Join("\n", incidents.EnumerateArray().Select(i =>
            $"{Str(i, "id")} ({Str(i, "severity")}, {Str(i, "state")}): {Str(i, "title")} on {string.Join(", ", i.TryGetProperty("routers", out var rs) ? rs.EnumerateArray().Select(x => x.GetString()) : [])}."));
    }

    private static async Task<string> RoutersAsync(NetworkStateReader state, CancellationToken cancellationToken)
    {
        var reading = await state.RoutersAsync(cancellationToken).ConfigureAwait(false);
        if (reading.Json is not { ValueKind: JsonValueKind.Array } routers)
        {
            return $"I cannot see the routers ({NetworkStateReader.Missing(reading)}).";
        }

        var all = routers.EnumerateArray().ToList();
        var unwell = all.Where(r => Str(r, "status") != "up" || Int(r, "peersEstablished") < Int(r, "peersTotal")).ToList();
        var summary = string.Create(CultureInfo.InvariantCulture, $"{all.Count} routers; {all.Count - unwell.Count} up with every session established.");
        return unwell.Count == 0
            ? summary
            : summary + " " + string.Join(" ", unwell.Select(r =>
                string.Create(CultureInfo.InvariantCulture, $"{Str(r, "id")} is {Str(r, "status")} with {Int(r, "peersEstablished")} of {Int(r, "peersTotal")} sessions established.")));
    }

    // "why did you prepend on R1?": the latest matching action, its rationale and its audit trail.
    private static async Task<string> ExplainAsync(IReadOnlyList<IntentToken> tokens, List<string> routers, NetworkStateReader state, CancellationToken cancellationToken)
    {
        var concept = tokens.Where(t => t.Kind == TokenKind.Word).Select(t => t.Lemma).FirstOrDefault(l => s_actionOfConcept.ContainsKey(l));
        var wanted = concept is null ? null : s_actionOfConcept[concept];
        var reading = await state.ActionsAsync(cancellationToken).ConfigureAwait(false);
        if (reading.Json is not { ValueKind: JsonValueKind.Array } actions)
        {
            return $"I have no record of actions to explain ({NetworkStateReader.Missing(reading)}).";
        }

        var match = actions.EnumerateArray()
            .Where(a => wanted is null || Str(a, "action") == wanted)
            .Where(a => routers.Count == 0 || routers.Contains(Str(a, "router") ?? string.Empty))
            .OrderByDescending(a => Str(a, "createdAt"), StringComparer.Ordinal)
            .FirstOrDefault();
        if (match.ValueKind != JsonValueKind.Object)
        {
            return $"No {(wanted ?? "action")} {(routers.Count > 0 ? "on " + string.Join(", ", routers) + " " : string.Empty)}is on record.";
        }

        var id = Str(match, "id") ?? string.Empty;
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"Action {id}: {Str(match, "action")} on {Str(match, "router")} ({Str(match, "tier")}, risk {Str(match, "risk")}, {Str(match, "state")})."));
        if (Str(match, "rationale") is { Length: > 0 } rationale)
        {
            text.Append(CultureInfo.InvariantCulture, $" Rationale: {rationale}.");
        }

        if (match.TryGetProperty("whatIf", out var whatIf) && whatIf.ValueKind == JsonValueKind.Object
            && whatIf.TryGetProperty("blastRadius", out var blast))
        {
            text.Append(CultureInfo.InvariantCulture,
                $" The twin {(whatIf.TryGetProperty("passed", out var p) && p.GetBoolean() ? "passed" : "failed")} it with a blast radius of {Dbl(blast, "prefixShare"):P0} of prefixes.");
        }

        var audit = await state.AuditAsync(id, cancellationToken).ConfigureAwait(false);
        if (audit.Json is { ValueKind: JsonValueKind.Array } entries)
        {
            foreach (var entry in entries.EnumerateArray().Take(10))
            {
                text.Append(CultureInfo.InvariantCulture, $" Audit #{Long(entry, "seq")} {Str(entry, "kind")} by {Str(entry, "actor")}: {Str(entry, "decision")}.");
            }
        }

        return text.ToString();
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => v.GetRawText(),
        } : null;

    private static int Int(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.TryGetInt32(out var i) ? i : 0;

    private static long Long(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.TryGetInt64(out var i) ? i : 0;

    private static double Dbl(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.TryGetDouble(out var d) ? d : 0;
}
