using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Analytics.Correlation;

/// <summary>
/// The subject ids of <see cref="FindingSubject"/> in one place, so every analyst writes them the way correlation
/// and root-cause analysis read them.
/// </summary>
public static class Subjects
{
    /// <summary>One of our routers, by topology id.</summary>
    public static FindingSubject Router(string router) => new(SubjectKind.Router, router);

    /// <summary>A BGP session: the router and its neighbour's address, <c>R1|203.0.113.2</c>.</summary>
    public static FindingSubject Session(string router, string neighbor) => new(SubjectKind.Session, $"{router}|{neighbor}");

    /// <summary>A topology link by its two ends as topology.yaml lists them, <c>R1~ISP-A</c>.</summary>
    public static FindingSubject Link(string a, string b) => new(SubjectKind.Link, $"{a}~{b}");

    /// <summary>A provider, by topology id.</summary>
    public static FindingSubject Isp(string isp) => new(SubjectKind.Isp, isp);

    /// <summary>A prefix.</summary>
    public static FindingSubject Prefix(IpPrefix prefix) => new(SubjectKind.Prefix, prefix.ToString());

    /// <summary>An autonomous system, <c>AS6175</c>.</summary>
    public static FindingSubject AutonomousSystem(uint asn) => new(SubjectKind.AutonomousSystem, "AS" + asn.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A router interface, <c>R1:to-ISP-A</c>.</summary>
    public static FindingSubject Interface(string router, string name) => new(SubjectKind.Interface, $"{router}:{name}");

    /// <summary>A metric series, <c>R1|/probes/isp[name=ISP-A]/loss-pct</c>.</summary>
    public static FindingSubject Series(string router, string path) => new(SubjectKind.Series, $"{router}|{path}");

    /// <summary>Splits a session id into router and neighbour; false when it has no <c>|</c>.</summary>
    public static bool TrySplitSession(string id, out string router, out string neighbor) => TrySplit(id, '|', out router, out neighbor);

    /// <summary>Splits a link id into its ends; false when it has no <c>~</c>.</summary>
    public static bool TrySplitLink(string id, out string a, out string b) => TrySplit(id, '~', out a, out b);

    /// <summary>Splits an interface id into router and interface name; false when it has no <c>:</c>.</summary>
    public static bool TrySplitInterface(string id, out string router, out string name) => TrySplit(id, ':', out router, out name);

    /// <summary>Splits a series id into router and path; false when it has no <c>|</c>.</summary>
    public static bool TrySplitSeries(string id, out string router, out string path) => TrySplit(id, '|', out router, out path);

    private static bool TrySplit(string id, char separator, out string left, out string right)
    {
        ArgumentNullException.ThrowIfNull(id);
        var at = id.IndexOf(separator, StringComparison.Ordinal);
        if (at <= 0 || at == id.Length - 1)
        {
            (left, right) = (string.Empty, string.Empty);
            return false;
        }

        (left, right) = (id[..at], id[(at + 1)..]);
        return true;
    }
}
