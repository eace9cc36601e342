using System.Text.RegularExpressions;
using OrleansNetOps.Analytics.Correlation;
using OrleansNetOps.Analytics.Findings;

namespace OrleansNetOps.Analytics.RootCause;

/// <summary>
/// Reads a finding as a symptom: classifies it by kind and places it on the topology from its subject, its router,
/// OpenConfig keys in a series path (<c>isp[name=…]</c>, <c>interface[name=…]</c>, <c>neighbor[address=…]</c>) and the
/// hints analysts leave in evidence data (<c>neighbor</c>, <c>interface</c>, <c>isp</c>, <c>link</c>, <c>covering</c>).
/// </summary>
internal static partial class SymptomReader
{
    public static Symptom Read(Finding finding, NetworkGraph graph)
    {
        var location = Locate(finding, graph);
        var symptomClass = Classify(finding.Kind, location);
        var weight = BaseWeight(symptomClass) * (0.5 + (0.5 * Math.Clamp(finding.Score, 0, 1)));
        return new Symptom(finding, symptomClass, location, weight);
    }

    private static SymptomClass Classify(FindingKind kind, SymptomLocation location) => kind switch
    {
        FindingKind.SessionDown => SymptomClass.SessionLoss,
        FindingKind.SessionFlap => SymptomClass.SessionInstability,
        FindingKind.LinkDown => SymptomClass.InterfaceDown,
        FindingKind.PathQuality => SymptomClass.PathDegradation,
        FindingKind.ChurnStorm => SymptomClass.Churn,
        FindingKind.OriginHijack or FindingKind.MultipleOrigins or FindingKind.MoreSpecificHijack or FindingKind.RouteLeak => SymptomClass.RoutingSecurity,
        FindingKind.NewLogTemplate or FindingKind.RareLogTemplate => SymptomClass.Log,
        FindingKind.ExternalAlert => SymptomClass.Alert,
        // Metric findings: about a session's routes, about a path or a link, or about the router itself.
        _ when location.Session is not null => SymptomClass.Churn,
        _ when location.Isp is not null || location.Link is not null || location.Interface is not null => SymptomClass.PathDegradation,
        _ => SymptomClass.RouterHealth,
    };

    private static double BaseWeight(SymptomClass symptomClass) => symptomClass switch
    {
        SymptomClass.SessionLoss or SymptomClass.InterfaceDown or SymptomClass.RoutingSecurity => 1,
        SymptomClass.SessionInstability => 0.8,
        SymptomClass.PathDegradation => 0.6,
        SymptomClass.RouterHealth or SymptomClass.Alert => 0.5,
        _ => 0.3,
    };

    private static SymptomLocation Locate(Finding finding, NetworkGraph graph)
    {
        var router = graph.IsRouter(finding.Router) ? finding.Router : null;
        string? session = null, link = null, isp = null, iface = null, prefix = null, covering = null;
        var subject = finding.Subject;
        switch (subject.Kind)
        {
            case SubjectKind.Router when graph.IsRouter(subject.Id):
                router = subject.Id;
                break;
            case SubjectKind.Session when Subjects.TrySplitSession(subject.Id, out var r, out _) && graph.IsRouter(r):
                (router, session) = (r, subject.Id);
                break;
            case SubjectKind.Link when graph.Link(subject.Id) is { } l:
                link = NetworkGraph.LinkId(l);
                router ??= graph.IsRouter(l.A) ? l.A : graph.IsRouter(l.B) ? l.B : null;
                break;
            case SubjectKind.Interface when Subjects.TrySplitInterface(subject.Id, out var r, out _) && graph.IsRouter(r):
                (router, iface) = (r, subject.Id);
                break;
            case SubjectKind.Isp when graph.IsIsp(subject.Id):
                isp = subject.Id;
                break;
            case SubjectKind.Prefix:
                prefix = subject.Id;
                break;
            case SubjectKind.Series when Subjects.TrySplitSeries(subject.Id, out var r, out var path) && graph.IsRouter(r):
                router = r;
                foreach (Match key in PathKey().Matches(path))
                {
                    Hint(key.Groups["element"].Value, key.Groups["value"].Value, ref session, ref link, ref isp, ref iface, router, graph);
                }

                break;
        }

        foreach (var evidence in finding.Evidence)
        {
            foreach (var (name, value) in evidence.Data)
            {
                if (name == "covering")
                {
                    covering ??= value;
                }
                else
                {
                    Hint(name, value, ref session, ref link, ref isp, ref iface, router, graph);
                }
            }
        }

        return Derive(graph, router, session, link, isp, iface, prefix, covering) with { OffendingAs = Offender(finding) };
    }

    // Who misbehaved: the leaker of a leak, the origin of a hijack. A MOAS alone does not say which origin is wrong.
    private static string? Offender(Finding finding)
    {
        var key = finding.Kind switch
        {
            FindingKind.RouteLeak => "leaker",
            FindingKind.OriginHijack or FindingKind.MoreSpecificHijack => "origin",
            _ => null,
        };
        foreach (var evidence in finding.Evidence)
        {
            if (key is not null && evidence.Data.TryGetValue(key, out var asn) && uint.TryParse(asn, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                return Subjects.AutonomousSystem(number).Id;
            }
        }

        return null;
    }

    private static void Hint(string name, string value, ref string? session, ref string? link, ref string? isp, ref string? iface, string? router, NetworkGraph graph)
    {
        switch (name)
        {
            case "neighbor" when router is not null && value.Length > 0:
                session ??= Subjects.Session(router, value).Id;
                break;
            case "interface" when router is not null && value.Length > 0:
                iface ??= Subjects.Interface(router, value).Id;
                break;
            case "isp" when graph.IsIsp(value):
                isp ??= value;
                break;
            case "link" when graph.Link(value) is { } l:
                link ??= NetworkGraph.LinkId(l);
                break;
        }
    }

    private static SymptomLocation Derive(NetworkGraph graph, string? router, string? session, string? link, string? isp, string? iface, string? prefix, string? covering)
    {
        var topologyLink = link is null ? null : graph.Link(link);
        if (topologyLink is null && session is not null && Subjects.TrySplitSession(session, out var r, out var neighbor))
        {
            topologyLink = graph.SessionLink(r, neighbor);
        }

        if (topologyLink is null && iface is not null && Subjects.TrySplitInterface(iface, out var ir, out var name))
        {
            topologyLink = graph.LinkOfInterface(ir, name);
        }

        if (topologyLink is null && router is not null && isp is not null)
        {
            topologyLink = graph.LinkBetween(router, isp);
        }

        string? peer = null;
        if (topologyLink is not null && router is not null && topologyLink.Touches(router))
        {
            peer = topologyLink.Other(router);
            if (graph.IsIsp(peer))
            {
                isp ??= peer;
            }
        }

        return new SymptomLocation
        {
            Router = router,
            Session = session,
            Link = topologyLink is null ? null : NetworkGraph.LinkId(topologyLink),
            Peer = peer,
            Isp = isp,
            Interface = iface,
            Prefix = prefix,
            Covering = covering,
        };
    }

    [GeneratedRegex(@"(?<element>[a-z-]+)\[[a-z-]+=(?<value>[^\]]+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex PathKey();
}
