using System.Collections.Frozen;

namespace OrleansNetOps.Assistant.Intents;

/// <summary>
/// The words the parser knows: each surface form (a word, or a phrase squashed to letters and digits) maps to the concept
/// it stands for. Concepts are what the grammar reasons with, so synonyms cost one line here and nothing in the grammar.
/// </summary>
internal static class Lexicon
{
    /// <summary>Phrases of two to four words, squashed (letters and digits only), longest tried first.</summary>
    public static readonly FrozenDictionary<string, string> Phrases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["localpref"] = "LP", ["localpreference"] = "LP", ["localprefs"] = "LP", ["lpref"] = "LP",
        ["multiexitdiscriminator"] = "MED", ["multiexitdisc"] = "MED", ["exitdiscriminator"] = "MED",
        ["nexthop"] = "NEXTHOP", ["nexthops"] = "NEXTHOP", ["nexthopaddress"] = "NEXTHOP",
        ["aspath"] = "ASPATH", ["aspathprepend"] = "PREPEND", ["aspathprepending"] = "PREPEND", ["pathprepend"] = "PREPEND",
        ["failover"] = "FAILOVER", ["failaway"] = "FAILOVER", ["failingover"] = "FAILOVER", ["failedover"] = "FAILOVER", ["failsover"] = "FAILOVER",
        ["switchaway"] = "FAILOVER", ["moveaway"] = "MOVE_OFF", ["getoff"] = "MOVE_OFF", ["awayfrom"] = "OFF",
        ["fullreroute"] = "REROUTE", ["fullyreroute"] = "REROUTE", ["rerouteeverything"] = "REROUTE", ["rerouteall"] = "REROUTE",
        ["recomputeall"] = "REROUTE", ["recomputeeverything"] = "REROUTE", ["recalculateall"] = "REROUTE",
        ["noaction"] = "NOTHING", ["donothing"] = "NOTHING", ["takenoaction"] = "NOTHING", ["leaveitalone"] = "NOTHING",
        ["leaveitasis"] = "NOTHING", ["holdoff"] = "NOTHING", ["standdown"] = "NOTHING", ["nochange"] = "NOTHING",
        ["noshut"] = "ACTIVATE", ["noshutdown"] = "ACTIVATE", ["bringup"] = "ACTIVATE", ["bringback"] = "ACTIVATE", ["turnon"] = "ACTIVATE",
        ["startup"] = "ACTIVATE", ["reestablish"] = "ACTIVATE", ["reenable"] = "ACTIVATE", ["reactivate"] = "ACTIVATE", ["unshut"] = "ACTIVATE",
        ["bringdown"] = "SHUT", ["takedown"] = "SHUT", ["turnoff"] = "SHUT", ["shutoff"] = "SHUT", ["admindown"] = "SHUT", ["putdown"] = "SHUT",
        ["hardreset"] = "SHUT", ["softreset"] = "SHUT", ["clearbgp"] = "SHUT",
        ["whatif"] = "WHATIF", ["whathappens"] = "WHATIF", ["whatwouldhappen"] = "WHATIF", ["whatwillhappen"] = "WHATIF", ["whathappensif"] = "WHATIF",
        ["whatshouldhappen"] = "WHATIF", ["supposethat"] = "WHATIF", ["dryrun"] = "WHATIF", ["whatdoes"] = "WHATIF_WEAK",
        ["goesdown"] = "DOWN", ["godown"] = "DOWN", ["wentdown"] = "DOWN", ["goingdown"] = "DOWN", ["isdown"] = "DOWN", ["wasdown"] = "DOWN",
        ["goesaway"] = "DOWN", ["goesdark"] = "DOWN", ["goesoffline"] = "DOWN", ["isunreachable"] = "DOWN", ["islost"] = "DOWN", ["iscut"] = "DOWN",
        ["stopaccepting"] = "FILTER_IN", ["dontaccept"] = "FILTER_IN", ["donotaccept"] = "FILTER_IN", ["quitaccepting"] = "FILTER_IN",
        ["stopannouncing"] = "FILTER_OUT", ["stopadvertising"] = "FILTER_OUT", ["dontannounce"] = "FILTER_OUT", ["dontadvertise"] = "FILTER_OUT",
        ["donotannounce"] = "FILTER_OUT", ["donotadvertise"] = "FILTER_OUT", ["stopsending"] = "FILTER_OUT", ["dontsend"] = "FILTER_OUT",
        ["withdrawfrom"] = "FILTER_OUT",
        ["stopfiltering"] = "UNFILTER", ["stopblocking"] = "UNFILTER", ["liftthefilter"] = "UNFILTER", ["liftfilter"] = "UNFILTER",
        ["removethefilter"] = "UNFILTER", ["removefilter"] = "UNFILTER", ["removethefilteron"] = "UNFILTER", ["acceptagain"] = "UNFILTER",
        ["allowagain"] = "UNFILTER", ["deletethefilter"] = "UNFILTER", ["dropthefilter"] = "UNFILTER",
        ["removethepeering"] = "DEPEER", ["removepeering"] = "DEPEER", ["deletetheneighbor"] = "DEPEER", ["deletetheneighbour"] = "DEPEER",
        ["removetheneighbor"] = "DEPEER", ["removetheneighbour"] = "DEPEER", ["terminatethepeering"] = "DEPEER", ["endthepeering"] = "DEPEER",
        ["cancelthepeering"] = "DEPEER", ["deleteneighbor"] = "DEPEER", ["removeneighbor"] = "DEPEER", ["removeneighbour"] = "DEPEER",
        ["noneighbor"] = "DEPEER", ["noneighbour"] = "DEPEER", ["droptheneighbor"] = "DEPEER", ["droptheneighbour"] = "DEPEER",
        ["dropthepeering"] = "DEPEER", ["tearupthepeering"] = "DEPEER",
        ["noexport"] = "=no-export", ["noadvertise"] = "=no-advertise", ["gracefulshutdown"] = "=graceful-shutdown", ["nopeer"] = "=no-peer",
        ["localas"] = "=local-as", ["noexportsubconfed"] = "=local-as", ["acceptown"] = "=accept-own",
        ["outbound"] = "OUT", ["egress"] = "OUT", ["onexport"] = "OUT", ["outgoing"] = "OUT",
        ["inbound"] = "IN", ["ingress"] = "IN", ["onimport"] = "IN", ["incoming"] = "IN", ["receivedfrom"] = "FROM", ["learnedfrom"] = "FROM",
        ["learntfrom"] = "FROM", ["comingfrom"] = "FROM", ["heardfrom"] = "FROM",
        ["announcedto"] = "TOWARD", ["advertisedto"] = "TOWARD", ["senttoward"] = "TOWARD", ["sentto"] = "TOWARD", ["exportedto"] = "TOWARD",
        ["outto"] = "TOWARD", ["goingto"] = "TOWARD",
        ["allprefixes"] = "ALL", ["alltraffic"] = "ALL", ["allroutes"] = "ALL", ["everything"] = "ALL",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Single words (lower case, possessive removed).</summary>
    public static readonly FrozenDictionary<string, string> Words = Build(new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["LP"] = ["lp", "localpref", "local-pref", "local_pref", "local-preference", "localpreference", "loc-pref", "locpref", "local-prf"],
        ["PREFERENCE"] = ["preference", "pref"],
        ["MED"] = ["med", "meds", "metric", "metrics", "multi-exit-discriminator"],
        ["PREPEND"] = ["prepend", "prepends", "prepending", "prepended", "pad", "padding", "padded", "lengthen", "lengthening", "prepand", "prpend"],
        ["ASPATH"] = ["as-path", "aspath", "as_path"],
        ["COMMUNITY"] = ["community", "communities", "tag", "tags", "tagging", "tagged", "mark", "marks", "marking", "marked", "color", "colour",
            "label", "labels", "labelling", "labeling", "attach", "stamp", "comm"],
        ["NEXTHOP"] = ["next-hop", "nexthop", "next_hop", "nh"],
        ["FILTER"] = ["filter", "filters", "filtering", "block", "blocks", "blocking", "reject", "rejecting", "deny", "denying", "discard",
            "discarding", "refuse", "ignore", "ignoring", "suppress", "blacklist", "quarantine"],
        ["UNFILTER"] = ["unfilter", "unblock", "unblocking", "unfiltering", "whitelist", "unsuppress"],
        ["DROP"] = ["drop", "drops", "dropping", "dropped"],
        ["SHUT"] = ["shut", "shutdown", "shutting", "disable", "disabling", "deactivate", "deactivating", "kill", "suspend", "suspending",
            "reset", "resetting", "bounce", "bouncing", "restart", "restarting", "flap", "stop", "halt", "pause"],
        ["ACTIVATE"] = ["activate", "activating", "enable", "enabling", "unshut", "reenable", "re-enable", "reactivate", "re-activate", "restore",
            "restoring", "resume", "resuming", "re-establish", "reestablish", "revive", "start", "establish", "open"],
        ["FAILOVER"] = ["failover", "fail-over", "evacuate", "evacuating", "drain", "draining", "abandon", "vacate", "bypass"],
        ["REROUTE"] = ["full-reroute", "fullreroute", "reroute-all", "reconverge", "recompute"],
        ["DEPEER"] = ["depeer", "de-peer", "unpeer", "depeering", "de-peering", "disconnect"],
        ["NOTHING"] = ["nothing", "no-op", "noop", "no_action", "no-action"],
        ["MOVE"] = ["move", "moving", "shift", "shifting", "steer", "steering", "migrate", "migrating", "divert", "diverting", "redirect",
            "redirecting", "get", "push", "pushing", "swing", "swinging", "route", "send", "sending", "switch", "reroute", "carry", "egress-via"],
        ["PREFER"] = ["prefer", "prefers", "preferring", "favour", "favor", "favouring", "favoring", "preferred", "prioritise", "prioritize", "like"],
        ["AVOID"] = ["avoid", "avoiding", "deprefer", "de-prefer", "depref", "de-pref", "deprioritise", "deprioritize", "dislike", "disfavour", "disfavor"],
        ["RAISE"] = ["raise", "raising", "increase", "increasing", "bump", "bumping", "boost", "boosting", "higher", "grow", "more"],
        ["LOWER"] = ["lower", "lowering", "decrease", "decreasing", "reduce", "reducing", "less", "shrink", "diminish", "lessen"],
        ["DOWNWORD"] = ["down", "cut", "cuts"],
        ["UPWORD"] = ["up"],
        ["CLEAR"] = ["clear", "clearing", "wipe"],
        ["BRING"] = ["bring", "bringing", "take", "taking", "turn", "turning"],
        ["SET"] = ["set", "setting", "make", "change", "changing", "adjust", "adjusting", "configure", "configuring", "apply", "applying", "use",
            "put", "give", "assign", "modify", "update", "tune"],
        ["REMOVE"] = ["remove", "removing", "strip", "stripping", "delete", "deleting", "untag", "untagging", "unmark", "erase", "scrub", "clean"],
        ["REPLACE"] = ["replace", "replacing", "overwrite", "overwriting", "override", "substitute"],
        ["ADD"] = ["add", "adding", "append", "appending", "include", "attach", "also"],
        ["SESSION"] = ["session", "sessions", "peering", "peerings", "neighbor", "neighbour", "neighbors", "neighbours", "peer", "peers",
            "adjacency", "bgp", "link", "links", "circuit", "uplink", "connection", "interconnect"],
        ["ANNOUNCE"] = ["announce", "announcing", "advertise", "advertising", "export", "exporting", "announcement", "advertisement"],
        ["ACCEPT"] = ["accept", "accepting", "receive", "receiving", "import", "importing", "learn", "learning", "allow", "allowing", "permit"],
        ["WHAT"] = ["what", "whats", "what's"],
        ["IF"] = ["if", "when", "should", "were"],
        ["SIMULATE"] = ["simulate", "simulating", "simulation", "suppose", "supposing", "imagine", "hypothetically", "hypothetical", "predict",
            "whatif", "what-if", "test", "try", "preview", "model", "evaluate", "assume"],
        ["DOWN"] = ["fail", "fails", "failing", "failed", "failure", "die", "dies", "dying", "died", "dead", "lost", "lose", "loses", "losing",
            "outage", "crash", "crashes", "disappear", "disappears", "vanish", "vanishes", "unreachable", "offline", "severed", "broken",
            "blackholed", "dark", "breaks"],
        ["UP"] = ["back", "online", "recover", "recovers", "returns", "return", "comes"],
        ["TIMES_WORD"] = ["times", "time", "x", "fold", "-fold"],
        ["FROM"] = ["from", "via-from"],
        ["TOWARD"] = ["toward", "towards"],
        ["OUT"] = ["out", "outbound", "egress", "outgoing", "export-side"],
        ["IN"] = ["inbound", "ingress", "incoming", "import-side", "received", "learned", "learnt"],
        ["OFF"] = ["off", "away", "out-of", "avoiding"],
        ["TO"] = ["to", "onto", "into", "over", "through", "via", "thru", "toward-to"],
        ["BY"] = ["by"],
        ["ON"] = ["on", "at"],
        ["BETWEEN"] = ["between", "betwixt"],
        ["WITH"] = ["with", "using"],
        ["ALL"] = ["all", "everything", "entire", "whole", "every", "full"],
        ["OUR"] = ["our", "own", "ours", "local"],
        ["NOT"] = ["not", "don't", "dont", "never", "no", "stop", "quit", "cease"],
        ["AGAIN"] = ["again", "back"],
    });

    private static FrozenDictionary<string, string> Build(Dictionary<string, string[]> byLemma)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (lemma, words) in byLemma)
        {
            foreach (var word in words)
            {
                // The first concept listed for a word wins: the order above goes from the most to the least specific.
                result.TryAdd(word, lemma);
            }
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
