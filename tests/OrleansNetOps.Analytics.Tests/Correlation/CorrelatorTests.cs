using System.Collections.Immutable;
using System.Text.Json;
using OrleansNetOps.Analytics.Bgp;
using OrleansNetOps.Analytics.Correlation;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Analytics.RootCause;
using OrleansNetOps.Analytics.Tests.Bgp;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Monitoring;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Analytics.Tests.Correlation;

public sealed class CorrelatorTests
{
    private static readonly DateTimeOffset Cut = new(2026, 12, 5, 23, 19, 17, 25, TimeSpan.Zero);

    private static Correlator Correlator() => new(SeedTopology.Value);

    private static List<CorrelationUpdate> Play(Correlator correlator, IEnumerable<Finding> findings) =>
        [.. findings.OrderBy(f => f.At).Select(correlator.Observe)];

    private static FindingSubject Link(string id) => new(SubjectKind.Link, id);

    [Fact]
    public void A_cut_of_r1_isp_a_is_one_candidate_whose_top_cause_is_that_link()
    {
        var correlator = Correlator();
        var signals = LabSignals.LinkCutR1IspA(Cut);

        var updates = Play(correlator, signals);

        var candidate = Assert.Single(correlator.Open);
        Assert.Single(updates.SelectMany(u => u.Opened));
        Assert.Empty(updates.SelectMany(u => u.Closed));
        Assert.Equal(Link("R1~ISP-A"), candidate.TopCause.Subject);
        Assert.Equal("Link R1~ISP-A down", candidate.Title);
        Assert.True(candidate.TopCause.Confidence >= 0.85, candidate.TopCause.Explanation);
        Assert.Contains("expected and seen: session R1|203.0.113.2 down, interface of R1 toward ISP-A down, probes from R1 through ISP-A failing", candidate.TopCause.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("expected but not seen", candidate.TopCause.Explanation, StringComparison.Ordinal);
        Assert.Equal(IncidentSeverity.Major, candidate.Severity);
        Assert.Equal(["R1"], candidate.Routers.AsEnumerable());
        Assert.Equal(Cut.AddMilliseconds(120), candidate.OpenedAt);

        // Every signal is in it: the BMP and syslog session downs fold into one finding seen twice.
        Assert.Equal(signals.Length - 1, candidate.Findings.Length);
        Assert.Equal(2, candidate.Occurrences["session-down|session:R1|203.0.113.2"]);
        Assert.All(candidate.Findings, f => Assert.Equal(candidate.TopCause.Subject, f.CandidateCause!.Subject));
        var sources = candidate.Evidence.Select(e => e.Source).ToHashSet();
        Assert.Superset(new HashSet<string> { "trap", "metric", "syslog", "bmp" }, sources);
        Assert.Contains(candidate.Evidence, e => e.Description == LabSignals.HoldTimerNotification);
        Assert.Contains(candidate.Evidence, e => e.Description.Contains(LabSignals.HoldTimerAdjChange, StringComparison.Ordinal));
        Assert.Contains(candidate.Evidence, e => e.Description == $"Peer Down from 203.0.113.2: {LabSignals.HoldTimerPeerDown}");
        Assert.Contains(candidate.TopCause.Evidence, e => e.Source == "trap");

        // The Peer Down explains the loss, the prefix loss and the log line: they are inhibited, not counted for severity.
        var inhibited = candidate.Findings.Where(f => candidate.Inhibited.Contains(f.Id)).Select(f => f.Kind).Order();
        Assert.Equal([FindingKind.MetricAnomaly, FindingKind.ThresholdBreach, FindingKind.PathQuality, FindingKind.NewLogTemplate], inhibited);

        // Alternatives: the ISP as a whole comes next; a dead R1 would have taken its session with the reflector too.
        Assert.Equal(new FindingSubject(SubjectKind.Isp, "ISP-A"), candidate.AlternativeCauses[0].Subject);
        Assert.Equal(candidate.AlternativeCauses.OrderByDescending(c => c.Confidence), candidate.AlternativeCauses.AsEnumerable());
        Assert.All(candidate.AlternativeCauses, c => Assert.True(c.Confidence < candidate.TopCause.Confidence - 0.2));
        var router = new RootCauseAnalyzer(SeedTopology.Value).Rank(candidate.Findings, 10).Single(c => c.Cause.Subject == new FindingSubject(SubjectKind.Router, "R1") && c.Hypothesis.Mode == FaultMode.Down);
        Assert.Contains("expected but not seen: session R3|198.51.100.18 down", router.Cause.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_cut_is_one_candidate_whatever_order_the_signals_arrive_in()
    {
        var signals = LabSignals.LinkCutR1IspA(Cut);
        foreach (var order in new[] { signals.Reverse(), signals.OrderBy(f => f.Kind), signals.OrderByDescending(f => f.Subject.ToString(), StringComparer.Ordinal) })
        {
            var correlator = Correlator();
            foreach (var finding in order)
            {
                correlator.Observe(finding);
            }

            var candidate = Assert.Single(correlator.Open);
            Assert.Equal(Link("R1~ISP-A"), candidate.TopCause.Subject);
        }
    }

    [Fact]
    public void A_second_link_cut_elsewhere_at_the_same_time_is_a_second_candidate()
    {
        var correlator = Correlator();
        var other = new List<Finding>
        {
            LabSignals.LinkDown(Cut.AddSeconds(1), "R2", "to-ISP-C", 4),
        };
        other.AddRange(LabSignals.ProbeLoss(Cut.AddSeconds(1), "R2", "ISP-C"));
        other.AddRange(LabSignals.SessionDown(Cut.AddSeconds(9.5), "R2", "203.0.113.14", LabSignals.HoldTimerPeerDown, "bmp"));

        Play(correlator, LabSignals.LinkCutR1IspA(Cut).Concat(other));

        Assert.Equal(2, correlator.Open.Length);
        Assert.Equal([Link("R1~ISP-A"), Link("R2~ISP-C")], correlator.Open.Select(c => c.TopCause.Subject));
        Assert.Equal(["R1"], correlator.Open[0].Routers.AsEnumerable());
        Assert.Equal(["R2"], correlator.Open[1].Routers.AsEnumerable());
        Assert.Equal(3, correlator.Open[1].Findings.Length);
    }

    [Fact]
    public void A_hijack_of_our_prefix_during_the_cut_is_its_own_critical_candidate()
    {
        var correlator = Correlator();
        var hijacks = new MoreSpecificHijackDetector(PrefixOwnership.FromTopology(SeedTopology.Value));
        var seen = new[]
        {
            hijacks.Observe(new RouteUpdate(Cut.AddSeconds(3), "R1|203.0.113.6", "R1", IpPrefix.Parse("172.16.10.0/25"), AsPath.FromSequence(65001, 5678, 64666)))!,
            hijacks.Observe(new RouteUpdate(Cut.AddSeconds(4), "R2|203.0.113.14", "R2", IpPrefix.Parse("172.16.10.128/25"), AsPath.FromSequence(65001, 9012, 64666)))!,
        };

        Play(correlator, LabSignals.LinkCutR1IspA(Cut).Concat(seen));

        Assert.Equal(2, correlator.Open.Length);
        var hijack = correlator.Open.Single(c => c.TopCause.Subject.Kind == SubjectKind.Prefix);
        Assert.Equal(new FindingSubject(SubjectKind.Prefix, "172.16.10.0/24"), hijack.TopCause.Subject);
        Assert.Equal(IncidentSeverity.Critical, hijack.Severity);
        Assert.Equal(["R1", "R2"], hijack.Routers.AsEnumerable());
        Assert.Equal(2, hijack.Findings.Length);
        Assert.Equal(Link("R1~ISP-A"), correlator.Open.Single(c => c != hijack).TopCause.Subject);
    }

    [Fact]
    public void A_slow_isp_b_on_the_same_router_is_not_folded_into_the_isp_a_cut()
    {
        var correlator = Correlator();

        Play(correlator, LabSignals.LinkCutR1IspA(Cut).Concat(LabSignals.SlowPath(Cut, "R1", "ISP-B", 45)));

        Assert.Equal(2, correlator.Open.Length);
        var slow = correlator.Open.Single(c => c.TopCause.Subject != Link("R1~ISP-A"));
        Assert.Equal(new FindingSubject(SubjectKind.Isp, "ISP-B"), slow.TopCause.Subject);
        Assert.Equal("Path through ISP-B degraded", slow.Title);
        Assert.Equal(IncidentSeverity.Minor, slow.Severity);
    }

    [Fact]
    public void An_isp_outage_seen_from_two_routers_in_any_order_is_one_critical_candidate()
    {
        var signals = LabSignals.SessionDown(Cut.AddSeconds(9), "R1", "203.0.113.6", HoldTimerOrReset, "bmp")
            .AddRange(LabSignals.SessionDown(Cut.AddSeconds(9.4), "R2", "203.0.113.10", HoldTimerOrReset, "bmp"))
            .AddRange(LabSignals.ProbeLoss(Cut, "R1", "ISP-B"))
            .AddRange(LabSignals.ProbeLoss(Cut.AddSeconds(2), "R2", "ISP-B"));

        foreach (var order in new[] { signals.OrderBy(f => f.At), signals.OrderBy(f => f.Kind).ThenBy(f => f.Router, StringComparer.Ordinal) })
        {
            var correlator = Correlator();
            var updates = order.Select(correlator.Observe).ToList();

            var candidate = Assert.Single(correlator.Open);
            Assert.Equal(new FindingSubject(SubjectKind.Isp, "ISP-B"), candidate.TopCause.Subject);
            Assert.Equal("ISP-B down", candidate.Title);
            Assert.Equal(IncidentSeverity.Critical, candidate.Severity);
            Assert.Equal(["R1", "R2"], candidate.Routers.AsEnumerable());
            Assert.All(updates.SelectMany(u => u.Closed), c => Assert.Equal(candidate.Id, c.MergedInto));
        }
    }

    private const string HoldTimerOrReset = "local close without NOTIFICATION (FSM event 0)";

    [Fact]
    public void A_flapping_session_stays_one_candidate_while_it_is_suppressed()
    {
        var correlator = Correlator();
        var detector = new SessionFlapDetector(topology: SeedTopology.Value);
        SessionHistory? history = null;
        var updates = new List<CorrelationUpdate>();
        // Down and up every 40 s for 20 minutes: the window (5 min) alone would have closed the candidate many times.
        for (var cycle = 0; cycle < 30; cycle++)
        {
            var at = Cut.AddSeconds(40 * cycle);
            history = detector.Observe(history, new SessionChange(at, "R2", "203.0.113.14", SessionState.OpenConfirm, SessionState.Established, null)).History;
            var step = detector.Observe(history, new SessionChange(at.AddSeconds(20), "R2", "203.0.113.14", SessionState.Established, SessionState.Down, "remote close with NOTIFICATION: 4/0 Hold Timer Expired: Unspecific"));
            history = step.History;
            updates.AddRange(step.Findings.Select(correlator.Observe));
        }

        var candidate = Assert.Single(correlator.Open);
        Assert.Single(updates.SelectMany(u => u.Opened));
        Assert.Equal(30, candidate.Occurrences["session-down|session:R2|203.0.113.14"]);
        Assert.Equal(1, candidate.Occurrences["session-flap|session:R2|203.0.113.14"]);
        Assert.Equal(29, updates.Count(u => u.Folded.Length == 1)); // every session down after the first: folded, not news
        Assert.Equal(IncidentSeverity.Major, candidate.Severity);

        // It closes once the damping penalty allows reuse and the window has passed.
        Assert.Empty(correlator.Advance(candidate.HoldUntil.AddSeconds(-1)));
        var closed = Assert.Single(correlator.Advance(candidate.HoldUntil));
        Assert.Equal(candidate.HoldUntil, closed.ClosedAt);
        Assert.Empty(correlator.Open);
    }

    [Fact]
    public void A_replayed_finding_changes_nothing()
    {
        var correlator = Correlator();
        var finding = LabSignals.LinkDown(Cut, "R1", "to-ISP-A", 3);

        Assert.Single(correlator.Observe(finding).Opened);
        Assert.Same(CorrelationUpdate.None, correlator.Observe(finding));
        Assert.Equal(1, correlator.Open[0].Occurrences.Values.Single());
    }

    [Fact]
    public void The_window_closes_a_quiet_candidate_and_later_findings_open_a_new_one()
    {
        var correlator = Correlator();
        correlator.Observe(LabSignals.LinkDown(Cut, "R1", "to-ISP-A", 3));

        var update = correlator.Observe(LabSignals.LinkDown(Cut.AddMinutes(6), "R1", "to-ISP-A", 3));

        Assert.Single(update.Closed);
        Assert.Single(update.Opened);
        Assert.NotEqual(update.Closed[0].Id, update.Opened[0].Id);
    }

    [Fact]
    public void The_state_survives_json_and_the_correlator_carries_on()
    {
        var signals = LabSignals.LinkCutR1IspA(Cut);
        var first = Correlator();
        Play(first, signals.Take(3));

        var json = JsonSerializer.Serialize(first.State);
        var second = new Correlator(SeedTopology.Value, state: JsonSerializer.Deserialize<CorrelatorState>(json));
        Play(second, signals); // the first three are replays now

        var candidate = Assert.Single(second.Open);
        Assert.Equal(first.Open[0].Id, candidate.Id);
        Assert.Equal(Link("R1~ISP-A"), candidate.TopCause.Subject);
        Assert.Equal(signals.Length - 1, candidate.Findings.Length);
    }

    [Fact]
    public void Candidate_ids_are_deterministic()
    {
        var a = Correlator();
        var b = Correlator();
        Play(a, LabSignals.LinkCutR1IspA(Cut));
        Play(b, LabSignals.LinkCutR1IspA(Cut));

        Assert.Equal(a.Open[0].Id, b.Open[0].Id);
        Assert.Matches("^c-[0-9a-f]{16}$", a.Open[0].Id);
    }
}
