using OrleansNetOps.Analytics.Correlation;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Analytics.RootCause;

/// <summary>
/// What each kind of fault does to the symptoms: how strongly it explains a symptom at a place (0 not at all, 1 as
/// its direct effect), which symptoms it must produce (their absence counts against it), which causes a symptom
/// suggests, and how likely each kind of fault is to begin with. An AS that leaks or hijacks is a cause too: two
/// hundred prefixes leaked by one AS are one incident, not two hundred. This is the network knowledge of root-cause
/// analysis; the ranking arithmetic lives in <see cref="RootCauseAnalyzer"/>.
/// </summary>
internal sealed class FaultModel(NetworkGraph graph)
{
    private const int MaxParsedPrefixes = 10_000;
    private readonly Dictionary<string, IpPrefix?> _prefixes = new(StringComparer.Ordinal);

    /// <summary>How common the fault is, other things equal: a cut link is the usual story, a whole ISP down is rarer.</summary>
    public static double Prior(CauseHypothesis cause) => (cause.Subject.Kind, cause.Mode) switch
    {
        (SubjectKind.Link, FaultMode.Down) => 0.95,
        (SubjectKind.Session, FaultMode.Down) or (SubjectKind.Router, FaultMode.Down) or (SubjectKind.Prefix, _) => 0.9,
        (SubjectKind.AutonomousSystem, _) => 0.85,
        (SubjectKind.Isp, FaultMode.Down) => 0.85,
        (SubjectKind.Isp, FaultMode.Degraded) => 0.75,
        (_, FaultMode.Degraded) => 0.7,
        _ => 0.5,
    };

    /// <summary>
    /// The causes a symptom suggests, from its place on the topology; the object it names itself only when nothing on
    /// the topology could explain it.
    /// </summary>
    public IEnumerable<CauseHypothesis> Suggest(Symptom symptom)
    {
        var any = false;
        foreach (var cause in SuggestOnTopology(symptom))
        {
            any = true;
            yield return cause;
        }

        if (!any)
        {
            yield return new CauseHypothesis(symptom.Finding.Subject, FaultMode.AsObserved);
        }
    }

    private IEnumerable<CauseHypothesis> SuggestOnTopology(Symptom symptom)
    {
        var at = symptom.Location;
        if (symptom.Class == SymptomClass.RoutingSecurity)
        {
            foreach (var prefix in new[] { at.Prefix, at.Covering })
            {
                if (prefix is not null)
                {
                    yield return new CauseHypothesis(new FindingSubject(SubjectKind.Prefix, prefix), FaultMode.Origin);
                }
            }

            if (at.OffendingAs is not null)
            {
                yield return new CauseHypothesis(new FindingSubject(SubjectKind.AutonomousSystem, at.OffendingAs), FaultMode.Origin);
            }
        }

        if (at.Session is not null)
        {
            yield return new CauseHypothesis(new FindingSubject(SubjectKind.Session, at.Session), FaultMode.Down);
        }

        if (at.Link is not null)
        {
            yield return new CauseHypothesis(new FindingSubject(SubjectKind.Link, at.Link), FaultMode.Down);
            yield return new CauseHypothesis(new FindingSubject(SubjectKind.Link, at.Link), FaultMode.Degraded);
        }

        foreach (var router in new[] { at.Router, graph.IsRouter(at.Peer) ? at.Peer : null })
        {
            if (router is not null)
            {
                yield return new CauseHypothesis(Subjects.Router(router), FaultMode.Down);
                yield return new CauseHypothesis(Subjects.Router(router), FaultMode.Degraded);
            }
        }

        if (at.Isp is not null)
        {
            yield return new CauseHypothesis(Subjects.Isp(at.Isp), FaultMode.Down);
            yield return new CauseHypothesis(Subjects.Isp(at.Isp), FaultMode.Degraded);
        }
    }

    /// <summary>How strongly the cause explains the symptom, in [0, 1].</summary>
    public double Strength(CauseHypothesis cause, Symptom symptom)
    {
        var id = cause.Subject.Id;
        var at = symptom.Location;
        var what = symptom.Class;
        return (cause.Subject.Kind, cause.Mode) switch
        {
            (SubjectKind.Link, FaultMode.Down) => LinkDown(id, what, at),
            (SubjectKind.Link, FaultMode.Degraded) when at.Link == id => what switch
            {
                SymptomClass.PathDegradation or SymptomClass.Churn or SymptomClass.SessionInstability => 1,
                SymptomClass.Log or SymptomClass.Alert => 0.5,
                _ => 0,
            },
            (SubjectKind.Session, FaultMode.Down) => SessionDown(id, what, at),
            (SubjectKind.Router, FaultMode.Down) => RouterDown(id, what, at),
            (SubjectKind.Router, FaultMode.Degraded) when at.Router == id => what switch
            {
                SymptomClass.RouterHealth => 1,
                SymptomClass.Log or SymptomClass.Alert => 0.8,
                SymptomClass.Churn or SymptomClass.PathDegradation or SymptomClass.SessionInstability => 0.5,
                _ => 0,
            },
            (SubjectKind.Isp, FaultMode.Down) => IspDown(id, what, at),
            (SubjectKind.Isp, FaultMode.Degraded) when at.Isp == id || at.Peer == id => what switch
            {
                SymptomClass.PathDegradation or SymptomClass.Churn or SymptomClass.RoutingSecurity => 1,
                SymptomClass.SessionInstability or SymptomClass.Log or SymptomClass.Alert => 0.5,
                _ => 0,
            },
            (SubjectKind.Prefix, FaultMode.Origin) when what == SymptomClass.RoutingSecurity && Covers(id, at) => 1,
            (SubjectKind.AutonomousSystem, FaultMode.Origin) when what == SymptomClass.RoutingSecurity && at.OffendingAs == id => 1,
            (_, FaultMode.AsObserved) when symptom.Finding.Subject == cause.Subject => 1,
            _ => 0,
        };
    }

    /// <summary>The symptoms the cause must produce where we can see them.</summary>
    public IReadOnlyList<Expectation> Expect(CauseHypothesis cause)
    {
        var id = cause.Subject.Id;
        return (cause.Subject.Kind, cause.Mode) switch
        {
            (SubjectKind.Link, FaultMode.Down) when graph.Link(id) is { } link => [.. LinkExpectations(link)],
            (SubjectKind.Session, FaultMode.Down) when SessionLink(id) is { } link =>
                [.. graph.SessionsOn(link).Select(s => SessionLoss(s))],
            (SubjectKind.Session, FaultMode.Down) => [SessionLoss(id)],
            (SubjectKind.Router, FaultMode.Down) => [.. RouterExpectations(id)],
            (SubjectKind.Isp, FaultMode.Down) => [.. IspExpectations(id)],
            _ => [],
        };
    }

    private double LinkDown(string link, SymptomClass what, SymptomLocation at)
    {
        if (at.Link == link)
        {
            return what == SymptomClass.RouterHealth || what == SymptomClass.RoutingSecurity ? 0 : 1;
        }

        var ends = graph.Link(link) is { } l ? new[] { l.A, l.B } : [];
        var nearby = ends.Contains(at.Router) || ends.Contains(at.Peer);
        return what switch
        {
            // Withdrawals ripple from the routers at the cut to their other sessions (the reflector's, for one).
            SymptomClass.Churn when nearby => 0.5,
            SymptomClass.Log or SymptomClass.Alert when at.Link is null && ends.Contains(at.Router) => 0.3,
            _ => 0,
        };
    }

    private double SessionDown(string session, SymptomClass what, SymptomLocation at)
    {
        var link = SessionLink(session);
        var sameSession = at.Session == session || (link is not null && at.Session is not null && at.Link == NetworkGraph.LinkId(link));
        var router = Subjects.TrySplitSession(session, out var r, out _) ? r : null;
        return what switch
        {
            SymptomClass.SessionLoss or SymptomClass.SessionInstability or SymptomClass.Churn when sameSession => 1,
            SymptomClass.Log or SymptomClass.Alert when sameSession => 1,
            SymptomClass.Churn when at.Router == router => 0.5,
            SymptomClass.Log or SymptomClass.Alert when at.Router == router && at.Session is null && at.Link is null => 0.3,
            _ => 0, // a BGP-only fault leaves interfaces and probes alone
        };
    }

    private static double RouterDown(string router, SymptomClass what, SymptomLocation at)
    {
        var involved = at.Router == router || at.Peer == router;
        return what switch
        {
            _ when !involved => 0,
            SymptomClass.SessionLoss or SymptomClass.SessionInstability or SymptomClass.InterfaceDown or SymptomClass.PathDegradation or SymptomClass.Churn => 1,
            SymptomClass.RouterHealth or SymptomClass.Log or SymptomClass.Alert => 0.8,
            _ => 0,
        };
    }

    private static double IspDown(string isp, SymptomClass what, SymptomLocation at)
    {
        var toward = at.Peer == isp || at.Isp == isp;
        return what switch
        {
            _ when !toward => 0,
            SymptomClass.SessionLoss or SymptomClass.SessionInstability or SymptomClass.PathDegradation or SymptomClass.Churn => 1,
            SymptomClass.Log or SymptomClass.Alert => 1,
            // Their router dying can take our port down with it, but a cut on our side is the likelier story.
            SymptomClass.InterfaceDown => 0.5,
            _ => 0,
        };
    }

    private bool Covers(string prefix, SymptomLocation at)
    {
        if (at.Prefix == prefix || at.Covering == prefix)
        {
            return true;
        }

        return Parsed(prefix) is { } owned && Parsed(at.Prefix) is { } seen && owned.Contains(seen);
    }

    // Ranking compares every prefix cause with every prefix symptom: parse each text once.
    private IpPrefix? Parsed(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (!_prefixes.TryGetValue(text, out var prefix))
        {
            if (_prefixes.Count >= MaxParsedPrefixes)
            {
                _prefixes.Clear();
            }

            prefix = IpPrefix.TryParse(text, out var parsed) ? parsed : null;
            _prefixes[text] = prefix;
        }

        return prefix;
    }

    private IEnumerable<Expectation> LinkExpectations(TopologyLink link)
    {
        var id = NetworkGraph.LinkId(link);
        foreach (var end in new[] { link.A, link.B }.Where(graph.IsRouter))
        {
            var other = link.Other(end);
            yield return SessionLoss(Subjects.Session(end, link.AddressOf(other).ToString()).Id);
            yield return new Expectation(SymptomClass.InterfaceDown, $"interface of {end} toward {other} down", 1, at => at.Router == end && at.Link == id);
            if (graph.IsIsp(other))
            {
                yield return ProbeLoss(end, other);
            }
        }
    }

    private IEnumerable<Expectation> RouterExpectations(string router)
    {
        var links = graph.Topology.LinksOf(router).ToList();
        var neighbours = links.Where(l => graph.IsRouter(l.Other(router))).ToList();
        if (neighbours.Count == 0)
        {
            // Nobody of ours looks at it from outside: its own sessions are all we could see.
            foreach (var link in links)
            {
                yield return SessionLoss(Subjects.Session(router, link.AddressOf(link.Other(router)).ToString()).Id);
            }

            yield break;
        }

        foreach (var link in neighbours)
        {
            var other = link.Other(router);
            var id = NetworkGraph.LinkId(link);
            yield return SessionLoss(Subjects.Session(other, link.AddressOf(router).ToString()).Id);
            yield return new Expectation(SymptomClass.InterfaceDown, $"interface of {other} toward {router} down", 0.5, at => at.Router == other && at.Link == id);
        }
    }

    private IEnumerable<Expectation> IspExpectations(string isp)
    {
        foreach (var link in graph.Topology.LinksOf(isp))
        {
            var router = link.Other(isp);
            if (graph.IsRouter(router))
            {
                yield return SessionLoss(Subjects.Session(router, link.AddressOf(isp).ToString()).Id);
                yield return ProbeLoss(router, isp);
            }
        }
    }

    private static Expectation SessionLoss(string session) =>
        new(SymptomClass.SessionLoss, $"session {session} down", 1, at => at.Session == session);

    private static Expectation ProbeLoss(string router, string isp) =>
        new(SymptomClass.PathDegradation, $"probes from {router} through {isp} failing", 0.5, at => at.Router == router && at.Isp == isp);

    private TopologyLink? SessionLink(string session) =>
        Subjects.TrySplitSession(session, out var router, out var neighbor) ? graph.SessionLink(router, neighbor) : null;
}
