using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Analytics.RootCause;
using OrleansNetOps.Analytics.Tests.Bgp;
using OrleansNetOps.Analytics.Tests.Correlation;

namespace OrleansNetOps.Analytics.Tests.RootCause;

public sealed class RootCauseAnalyzerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 23, 19, 17, TimeSpan.Zero);
    private readonly RootCauseAnalyzer _analyzer = new(SeedTopology.Value);

    [Fact]
    public void A_dead_router_is_told_from_a_cut_link_by_what_its_neighbours_see()
    {
        // R1 dies: the reflector loses its session with R1 and its port toward R1; R1 itself says nothing any more.
        var findings = LabSignals.SessionDown(T0.AddSeconds(9), "R3", "198.51.100.18", "local close without NOTIFICATION (FSM event 0)", "bmp")
            .Add(LabSignals.LinkDown(T0, "R3", "to-R1", 2));

        var ranking = _analyzer.Rank(findings);

        Assert.Equal(new CauseHypothesis(new FindingSubject(SubjectKind.Router, "R1"), FaultMode.Down), ranking[0].Hypothesis);
        Assert.Empty(ranking[0].Missing);
        // A cut R3–R1 link would also have shown R1's side of the session and of the link going down.
        var link = ranking.Single(r => r.Hypothesis == new CauseHypothesis(new FindingSubject(SubjectKind.Link, "R3~R1"), FaultMode.Down));
        Assert.Equal(["session R1|198.51.100.17 down", "interface of R1 toward R3 down"], link.Missing.AsEnumerable());
        Assert.True(ranking[0].Confidence > link.Confidence + 0.2);
    }

    [Fact]
    public void A_session_that_drops_alone_is_a_session_fault_not_a_link_fault()
    {
        var findings = LabSignals.SessionDown(T0, "R1", "203.0.113.2", "remote close with NOTIFICATION: 6/2 Cease: Administrative Shutdown", "bmp");

        var ranking = _analyzer.Rank(findings);

        Assert.Equal(new CauseHypothesis(new FindingSubject(SubjectKind.Session, "R1|203.0.113.2"), FaultMode.Down), ranking[0].Hypothesis);
        Assert.Equal(0.9, ranking[0].Confidence, 9);
        var link = ranking.Single(r => r.Hypothesis.Subject == new FindingSubject(SubjectKind.Link, "R1~ISP-A") && r.Hypothesis.Mode == FaultMode.Down);
        Assert.Equal(["interface of R1 toward ISP-A down", "probes from R1 through ISP-A failing"], link.Missing.AsEnumerable());
    }

    [Fact]
    public void Confidence_is_prior_times_coverage_times_recall()
    {
        // Only the trap: the link explains it all, but of its 2.5 expected symptoms only the interface (1) was seen.
        var ranking = _analyzer.Rank([LabSignals.LinkDown(T0, "R1", "to-ISP-A", 3)]);

        Assert.Equal(new FindingSubject(SubjectKind.Link, "R1~ISP-A"), ranking[0].Cause.Subject);
        Assert.Equal(0.95 * 1 * (0.3 + (0.7 * (1 / 2.5))), ranking[0].Confidence, 4);
    }

    [Fact]
    public void Symptoms_are_placed_on_the_topology_from_subjects_paths_and_hints()
    {
        var trap = _analyzer.Read(LabSignals.LinkDown(T0, "R1", "to-ISP-A", 3));
        Assert.Equal((SymptomClass.InterfaceDown, "R1~ISP-A", "ISP-A", "ISP-A"), (trap.Class, trap.Location.Link, trap.Location.Peer, trap.Location.Isp));

        var loss = _analyzer.Read(LabSignals.Breach(T0, "R2", "/probes/isp[name=ISP-C]/loss-pct", "loss", 3, 0.5));
        Assert.Equal((SymptomClass.PathDegradation, "R2~ISP-C"), (loss.Class, loss.Location.Link));

        var prefixes = _analyzer.Read(LabSignals.PrefixLoss(T0, "R3", "198.51.100.18", 4, 0));
        Assert.Equal((SymptomClass.Churn, "R3|198.51.100.18", "R3~R1", "R1"), (prefixes.Class, prefixes.Location.Session, prefixes.Location.Link, prefixes.Location.Peer));

        var cpu = _analyzer.Read(LabSignals.CpuAnomaly(T0, "R4", 97));
        Assert.Equal((SymptomClass.RouterHealth, "R4", null), (cpu.Class, cpu.Location.Router, cpu.Location.Link));

        // The lab's positional names (l<index>) are understood too: link 4 is R3–R1.
        var positional = _analyzer.Read(LabSignals.LinkDown(T0, "R3", "l4", 9));
        Assert.Equal("R3~R1", positional.Location.Link);
    }

    [Fact]
    public void A_cpu_spike_is_explained_by_its_router_being_degraded()
    {
        var ranking = _analyzer.Rank([LabSignals.CpuAnomaly(T0, "R4", 97)]);

        Assert.Equal(new CauseHypothesis(new FindingSubject(SubjectKind.Router, "R4"), FaultMode.Degraded), ranking[0].Hypothesis);
        Assert.Equal("router R4 degraded: explains 1 of 1 findings", ranking[0].Cause.Explanation);
    }

    [Fact]
    public void Independent_measurements_of_one_degraded_isp_corroborate_it_and_two_readings_of_one_series_do_not()
    {
        const string utilisation = "/probes/isp[name=ISP-A]/utilisation-pct";
        var isp = new CauseHypothesis(new FindingSubject(SubjectKind.Isp, "ISP-A"), FaultMode.Degraded);
        var breach = LabSignals.Breach(T0, "R1", utilisation, "utilisation", 87.5, 85);
        var forecast = LabSignals.Forecast(T0, "R1", utilisation, 4);
        var latency = LabSignals.Breach(T0.AddSeconds(10), "R1", "/probes/isp[name=ISP-A]/latency-ms", "latency", 31, 30);

        // One series, read as a breach and as a forecast, is one witness: the prior and no more.
        var one = _analyzer.Rank([breach, forecast]);
        Assert.Equal(isp, one[0].Hypothesis);
        Assert.Equal(0.75, one[0].Confidence, 4);

        // The probes through the ISP measure something else: 1 − (1 − 0.75)².
        var two = _analyzer.Rank([breach, forecast, latency]);
        Assert.Equal(isp, two[0].Hypothesis);
        Assert.Equal(1 - (0.25 * 0.25), two[0].Confidence, 4);
        Assert.Equal("path through ISP-A degraded: explains 3 of 3 findings", two[0].Cause.Explanation);

        // Down causes keep prior × coverage × recall: a second witness of a cut link counts through recall alone.
        var cut = _analyzer.Rank([LabSignals.LinkDown(T0, "R1", "to-ISP-A", 3), LabSignals.Breach(T0, "R1", "/probes/isp[name=ISP-A]/loss-pct", "loss", 100, 0.5)]);
        Assert.Equal(new CauseHypothesis(new FindingSubject(SubjectKind.Link, "R1~ISP-A"), FaultMode.Down), cut[0].Hypothesis);
        Assert.Equal(0.95 * (0.3 + (0.7 * (1.5 / 2.5))), cut[0].Confidence, 4);
    }
}
