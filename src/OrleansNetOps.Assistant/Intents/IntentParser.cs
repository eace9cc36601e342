using System.Collections.Immutable;
using System.Globalization;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Topology;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Assistant.Intents;

/// <summary>
/// The deterministic intent parser: reads an operator's sentence ("move 8.8.8.0/24 off ISP-A", "prepend our AS twice
/// toward ISP-C on R2") into one catalogue change. It works on concepts (see <see cref="Lexicon"/>), not on fixed
/// sentences: the action comes from the strongest concept present, the router and peer from the topology's names,
/// the values from numbers, prefixes and communities. It only proposes; validation is the twin's.
/// </summary>
public sealed class IntentParser
{
    /// <summary>The LOCAL_PREF given to routes an operator wants traffic moved onto, and off (the default is 100).</summary>
    public const long PreferredLocalPref = 200;

    /// <summary>The LOCAL_PREF given to routes an operator wants traffic moved off.</summary>
    public const long AvoidedLocalPref = 50;

    private const long DefaultLocalPref = 100;

    /// <summary>What the parser can do, for answers to sentences it did not understand.</summary>
    public const string Capabilities =
        "I can propose: LOCAL_PREF_ADJUST (\"set local-pref 150 on R1 for routes from ISP-A\"), MED_ADJUST (\"set MED 50 toward ISP-B on R2\"), "
        + "AS_PATH_PREPEND (\"prepend our AS 3 times toward ISP-C on R2\"), COMMUNITY_TAG (\"tag 8.8.8.0/24 with 65001:100 toward ISP-A\"), "
        + "NEXT_HOP_CHANGE (\"set next-hop 203.0.113.6 for routes from ISP-A on R1\"), PREFIX_FILTER (\"stop accepting 1.1.1.0/24 from ISP-C\"), "
        + "PEER_DEACTIVATE / PEER_ACTIVATE (\"shut the session to ISP-B on R1\"), ISP_FAILOVER (\"fail over away from ISP-A\"), "
        + "moving a prefix (\"move 8.8.8.0/24 off ISP-A\", \"send 1.1.1.0/24 via ISP-B on R2\"), FULL_REROUTE, DEPEER and NO_ACTION.";

    private readonly TopologyNames _names;
    private readonly NetworkTopology _topology;

    /// <summary>A parser for the routers, ISPs and sessions of <paramref name="topology"/>.</summary>
    public IntentParser(NetworkTopology topology)
    {
        _names = new TopologyNames(topology);
        _topology = topology;
    }

    /// <summary>Reads <paramref name="text"/> into a catalogue change.</summary>
    public IntentReading Read(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new IntentReading(null, "Nothing to read: the text is empty. " + Capabilities);
        }

        var sentence = new Sentence(IntentTokenizer.Tokenize(text, _names));
        if (ActionOf(sentence) is not { } action)
        {
            return new IntentReading(null, $"Not understood: \"{text.Trim()}\" names no action I know. " + Capabilities);
        }

        var (router, peer, problem) = Endpoints(sentence, action);
        if (problem is not null)
        {
            return new IntentReading(null, $"Not understood: {problem}. " + Capabilities);
        }

        var parameters = Parameters(sentence, action, peer, out var valueProblem);
        if (valueProblem is not null)
        {
            return new IntentReading(null, $"Not understood: {valueProblem}. " + Capabilities);
        }

        var change = new CatalogueChange(router!, action.Name, parameters);
        return new IntentReading(change, Explain(change, action));
    }

    // The strongest concept decides; more specific actions are tried before the generic "move"/"prefer".
    private static IntentAction? ActionOf(Sentence s)
    {
        if (s.Has("NOTHING"))
        {
            return IntentAction.NoAction;
        }

        if (s.Has("DEPEER"))
        {
            return IntentAction.Depeer;
        }

        if (s.Has("REROUTE") || (s.Has("ALL") && s.Has("MOVE") && s.Isps.Count == 0 && s.Prefixes.Count == 0))
        {
            return IntentAction.FullReroute;
        }

        if (s.Has("PREPEND"))
        {
            return IntentAction.Prepend;
        }

        if (s.Has("NEXTHOP"))
        {
            return IntentAction.NextHop;
        }

        if (s.Has("MED"))
        {
            return IntentAction.Med;
        }

        if (s.Has("LP") || (s.Has("PREFERENCE") && s.PlainNumbers.Count > 0))
        {
            return IntentAction.LocalPref;
        }

        if (s.Has("COMMUNITY") || (s.Communities.Count > 0 && (s.Has("ADD") || s.Has("REMOVE") || s.Has("REPLACE") || s.Has("SET"))))
        {
            return IntentAction.Community;
        }

        if (s.Has("UNFILTER"))
        {
            return IntentAction.Unfilter;
        }

        if (s.Has("FILTER") || s.Has("FILTER_IN") || s.Has("FILTER_OUT") || (s.Has("DROP") && s.Prefixes.Count > 0))
        {
            return IntentAction.Filter;
        }

        if (s.Has("SHUT") || (s.Has("BRING") && s.Has("DOWNWORD")) || (s.Has("DROP") && s.Has("SESSION")))
        {
            return IntentAction.Deactivate;
        }

        if (s.Has("ACTIVATE") || (s.Has("BRING") && (s.Has("UPWORD") || s.Has("AGAIN"))))
        {
            return IntentAction.Activate;
        }

        var off = s.Has("OFF") || s.Has("MOVE_OFF") || s.Has("AVOID") || (s.Has("FROM") && !s.Has("TO"));
        if (s.Has("FAILOVER") || ((s.Has("MOVE") || s.Has("MOVE_OFF")) && off))
        {
            return s.Prefixes.Count > 0 ? IntentAction.MoveOff : IntentAction.Failover;
        }

        if (s.Has("AVOID"))
        {
            return IntentAction.MoveOff;
        }

        if (s.Has("MOVE") || s.Has("PREFER"))
        {
            return IntentAction.MoveOnto;
        }

        return null;
    }

    // The router the change is made on and the session (peer) it touches.
    private (string? Router, string? Peer, string? Problem) Endpoints(Sentence s, IntentAction action)
    {
        var routers = s.Routers;
        var peers = s.Isps.Concat(s.SessionAddresses.Select(a => a.Id)).Distinct(StringComparer.Ordinal).ToList();
        string? router = routers.Count > 0 ? routers[0] : null;
        if (routers.Count > 1 && peers.Count == 0 && action.NeedsPeer)
        {
            // "between R1 and R3": the first router is where the change goes, the second is the iBGP neighbour.
            peers.Add(routers[1]);
        }

        var impliedRouters = s.SessionAddresses.Select(a => a.ImpliedRouter).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        router ??= impliedRouters.Count == 1 ? impliedRouters[0] : null;

        // For a move onto an ISP the session that gains is the one named after "to"/"via".
        var peer = action.Move > 0 && s.IspAfterTo is { } target ? target : peers.FirstOrDefault();
        if (router is null && peer is not null)
        {
            var candidates = _topology.LinksOf(peer).Select(l => l.Other(peer)).Where(n => _topology.Router(n) is not null).Distinct().ToList();
            if (candidates.Count != 1)
            {
                return (null, null, candidates.Count == 0
                    ? $"no router of ours peers {peer}"
                    : $"{peer} peers {string.Join(" and ", candidates)}; say which router (\"on {candidates[0]}\")");
            }

            router = candidates[0];
        }

        if (router is null)
        {
            return (null, null, "no router named (say \"on R1\", a hostname, or the ISP the session goes to)");
        }

        if (peer is null && action.NeedsPeer)
        {
            return (null, null, $"{action.Name} needs a session: name the ISP or neighbour (\"to ISP-A\", \"neighbour 203.0.113.2\")");
        }

        if (peer is not null && !_topology.LinksOf(router).Any(l => l.Other(router) == peer))
        {
            return (null, null, $"{router} has no session with {peer}");
        }

        return (router, action.NeedsPeer ? peer : null, null);
    }

    private static ActionParameters Parameters(Sentence s, IntentAction action, string? peer, out string? problem)
    {
        problem = null;
        var prefixes = s.Prefixes.Count > 0 ? ImmutableArray.CreateRange(s.Prefixes) : (ImmutableArray<string>?)null;
        var parameters = new ActionParameters { Peer = peer };
        switch (action.Name)
        {
            case "LOCAL_PREF_ADJUST" when action.Move < 0:
                return parameters with { Direction = "in", Prefixes = prefixes, LocalPref = AvoidedLocalPref };
            case "LOCAL_PREF_ADJUST" when action.Move > 0:
                return parameters with { Direction = "in", Prefixes = prefixes, LocalPref = PreferredLocalPref };
            case "LOCAL_PREF_ADJUST":
                var localPref = Value(s, DefaultLocalPref, PreferredLocalPref, AvoidedLocalPref);
                if (localPref is null)
                {
                    problem = "which LOCAL_PREF? give a value (\"local-pref 150\") or say raise/lower";
                }

                return parameters with { Direction = s.Direction ?? "in", Prefixes = prefixes, LocalPref = localPref };
            case "MED_ADJUST":
                var med = Value(s, 0, 100, 0);
                if (med is null)
                {
                    problem = "which MED? give a value (\"MED 50\")";
                }

                return parameters with { Direction = s.Direction ?? "out", Prefixes = prefixes, Med = med };
            case "AS_PATH_PREPEND":
                var count = s.Times ?? s.PlainNumbers.FirstOrDefault(n => n is >= 1 and <= 16);
                return parameters with
                {
                    Direction = s.Direction ?? "out",
                    Prefixes = prefixes,
                    PrependCount = count == 0 ? 1 : count,
                    PrependAs = s.Asns.Count > 0 ? s.Asns[0] : null,
                };
            case "COMMUNITY_TAG":
                if (s.Communities.Count == 0)
                {
                    problem = "which community? give it as AA:NN or a well-known name (no-export)";
                }

                var mode = s.Has("REMOVE") ? "remove" : s.Has("REPLACE") ? "replace" : "add";
                return parameters with { Direction = s.Direction ?? "out", Prefixes = prefixes, Community = string.Join(' ', s.Communities), Mode = mode };
            case "NEXT_HOP_CHANGE":
                var nextHop = s.PlainAddresses.FirstOrDefault() ?? s.SessionAddresses.Select(a => a.Text).LastOrDefault();
                if (nextHop is null)
                {
                    problem = "which next hop? give its address";
                }

                return parameters with { Direction = s.Direction ?? "in", Prefixes = prefixes, NextHop = nextHop };
            case "PREFIX_FILTER":
                if (prefixes is null)
                {
                    problem = "which prefixes? a filter needs at least one (\"1.1.1.0/24\")";
                }

                var direction = s.Has("FILTER_OUT") ? "out" : s.Has("FILTER_IN") ? "in" : s.Direction ?? "in";
                return parameters with { Direction = direction, Prefixes = prefixes, Mode = action.Lifts ? "remove" : null };
            default:
                return parameters;
        }
    }

    // An explicit value wins ("to 150"); "raise/lower by N" is relative to the default; a bare raise/lower takes a step.
    private static long? Value(Sentence s, long baseline, long raised, long lowered)
    {
        var number = s.PlainNumbers.Count > 0 ? s.PlainNumbers[^1] : (long?)null;
        if (number is { } n && s.Has("BY"))
        {
            return s.Has("LOWER") || s.Has("AVOID") ? baseline - n : baseline + n;
        }

        if (number is not null)
        {
            return number;
        }

        return s.Has("RAISE") || s.Has("PREFER") ? raised : s.Has("LOWER") || s.Has("AVOID") ? lowered : null;
    }

    private static string Explain(CatalogueChange change, IntentAction action)
    {
        var p = change.Parameters;
        var scope = p.Prefixes is { } listed ? $" for {string.Join(", ", listed)}" : string.Empty;
        var session = p.Peer is null ? string.Empty : $" on the session with {p.Peer}";
        var what = change.Action switch
        {
            "LOCAL_PREF_ADJUST" when action.Move < 0 =>
                $"lower LOCAL_PREF to {p.LocalPref} on routes learned from {p.Peer}{scope}, so {change.Router} and its iBGP neighbours prefer another exit",
            "LOCAL_PREF_ADJUST" when action.Move > 0 =>
                $"raise LOCAL_PREF to {p.LocalPref} on routes learned from {p.Peer}{scope}, so traffic leaves through {p.Peer}",
            "LOCAL_PREF_ADJUST" => $"set LOCAL_PREF {p.LocalPref} ({p.Direction}){session}{scope}",
            "MED_ADJUST" => $"set MED {p.Med} ({p.Direction}){session}{scope}",
            "AS_PATH_PREPEND" => string.Create(CultureInfo.InvariantCulture,
                $"prepend {(p.PrependAs is { } asn ? "AS" + asn : "our AS")} {p.PrependCount} time(s) ({p.Direction}){session}{scope}"),
            "COMMUNITY_TAG" => $"{p.Mode} community {p.Community} ({p.Direction}){session}{scope}",
            "NEXT_HOP_CHANGE" => $"set next hop {p.NextHop} ({p.Direction}){session}{scope}",
            "PREFIX_FILTER" => $"{(p.Mode == "remove" ? "lift the filter on" : "filter")} {string.Join(", ", p.Prefixes ?? [])} ({p.Direction}){session}",
            "PEER_DEACTIVATE" => $"shut down the BGP session with {p.Peer}",
            "PEER_ACTIVATE" => $"bring the BGP session with {p.Peer} up",
            "ISP_FAILOVER" => $"fail traffic over away from {p.Peer}",
            "DEPEER" => $"remove the peering with {p.Peer}",
            "FULL_REROUTE" => "recompute and reroute everything",
            _ => "take no action",
        };
        return $"Read as {change.Action} on {change.Router}: {what}. This is a proposal: it goes through the twin, the guardrails and approval like any other.";
    }
}
