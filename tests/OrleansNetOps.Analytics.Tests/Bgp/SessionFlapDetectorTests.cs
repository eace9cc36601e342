using System.Text.Json;
using OrleansNetOps.Analytics.Bgp;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Bgp.Monitoring;

namespace OrleansNetOps.Analytics.Tests.Bgp;

public sealed class SessionFlapDetectorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 23, 19, 7, TimeSpan.Zero);

    // What FRR 8.4.4 puts in BMP for a hold-timer expiry (FRR-NOTES): reason 2 without NOTIFICATION, FSM event 0.
    private const string HoldTimerPeerDown = "local close without NOTIFICATION (FSM event 0)";

    private readonly SessionFlapDetector _detector = new(topology: SeedTopology.Value);

    private static SessionChange Up(DateTimeOffset at) => new(at, "R1", "203.0.113.2", SessionState.OpenConfirm, SessionState.Established, null);

    private static SessionChange Down(DateTimeOffset at, string reason = HoldTimerPeerDown) =>
        new(at, "R1", "203.0.113.2", SessionState.Established, SessionState.Down, reason);

    [Fact]
    public void Leaving_established_is_a_session_down_naming_the_neighbour_and_the_reason()
    {
        var up = _detector.Observe(null, Up(T0));
        var down = _detector.Observe(up.History, Down(T0.AddSeconds(18)));

        var finding = Assert.Single(down.Findings);
        Assert.Equal(FindingKind.SessionDown, finding.Kind);
        Assert.Equal(new FindingSubject(SubjectKind.Session, "R1|203.0.113.2"), finding.Subject);
        Assert.Equal("R1", finding.Router);
        Assert.Equal(T0.AddSeconds(18), finding.At);
        Assert.Equal($"R1 lost its BGP session with 203.0.113.2 (ISP-A): {HoldTimerPeerDown}", finding.Summary);
        Assert.Equal(FindingId.Create(FindingKind.SessionDown, finding.Subject, finding.At), finding.Id);
        var evidence = Assert.Single(finding.Evidence);
        Assert.Equal("bmp", evidence.Source);
        Assert.Equal("false", evidence.Data["planned"]);
        Assert.Equal((1, SessionState.Down, HoldTimerPeerDown), (down.History.FlapCount, down.History.State, down.History.LastDownReason));
        Assert.Equal(1000, down.History.Penalty.Value);
    }

    [Fact]
    public void Repeated_peer_downs_while_the_session_stays_down_are_not_flaps()
    {
        // FRR repeats a Peer Down every connect retry (5 s) while the neighbour is unreachable.
        var step = _detector.Observe(_detector.Observe(null, Up(T0)).History, Down(T0.AddSeconds(18)));
        for (var i = 1; i <= 5; i++)
        {
            step = _detector.Observe(step.History, new SessionChange(T0.AddSeconds(18 + (5 * i)), "R1", "203.0.113.2", SessionState.Down, SessionState.Down, HoldTimerPeerDown));
            Assert.Empty(step.Findings);
        }

        Assert.Equal(1, step.History.FlapCount);
    }

    [Fact]
    public void Shut_unshut_cycles_raise_one_flap_finding_per_suppression_episode()
    {
        SessionHistory? history = null;
        var flaps = new List<Finding>();
        var downs = 0;
        // Six cycles, 40 s apart: shut, then up again 20 s later (the lab's shut/unshut cycle).
        for (var cycle = 0; cycle < 6; cycle++)
        {
            var at = T0.AddSeconds(40 * cycle);
            history = _detector.Observe(history, Up(at)).History;
            var step = _detector.Observe(history, Down(at.AddSeconds(20), "local close with NOTIFICATION: 6/2 Cease: Administrative Shutdown"));
            history = step.History;
            downs += step.Findings.Count(f => f.Kind == FindingKind.SessionDown);
            flaps.AddRange(step.Findings.Where(f => f.Kind == FindingKind.SessionFlap));
        }

        Assert.Equal(6, downs);
        var flap = Assert.Single(flaps);
        Assert.Equal(T0.AddSeconds(100), flap.At); // the third flap crosses 2000
        Assert.Equal("3", flap.Evidence[0].Data["flapCount"]);
        Assert.InRange(flap.Score, 0.5, 0.6);
        Assert.True(history!.Penalty.Suppressed);

        // Quiet until the penalty decays below the reuse limit; then three more flaps make a new episode.
        var reuse = history.Penalty.ReuseAt(_detector.Parameters)!.Value;
        var later = reuse.AddMinutes(1);
        var again = new List<Finding>();
        for (var cycle = 0; cycle < 3; cycle++)
        {
            var at = later.AddSeconds(40 * cycle);
            history = _detector.Observe(history, Up(at)).History;
            var step = _detector.Observe(history, Down(at.AddSeconds(20)));
            history = step.History;
            again.AddRange(step.Findings.Where(f => f.Kind == FindingKind.SessionFlap));
        }

        Assert.Single(again);
    }

    [Theory]
    [InlineData("local close with NOTIFICATION: 6/2 Cease: Administrative Shutdown", true)]
    [InlineData("Admin. shutdown", true)]
    [InlineData("User reset", true)]
    [InlineData("peer de-configured", true)]
    [InlineData("local close without NOTIFICATION (FSM event 0)", false)]
    [InlineData("remote close with NOTIFICATION: 4/0 Hold Timer Expired: Unspecific", false)]
    public void Operator_actions_are_marked_planned(string reason, bool planned)
    {
        var step = _detector.Observe(_detector.Observe(null, Up(T0)).History, Down(T0.AddSeconds(1), reason));

        Assert.Equal(planned ? "true" : "false", step.Findings[0].Evidence[0].Data["planned"]);
        Assert.Equal(planned, SessionFlapDetector.IsPlanned(reason));
    }

    [Fact]
    public void History_survives_a_json_round_trip_as_a_grain_would_persist_it()
    {
        var history = _detector.Observe(_detector.Observe(null, Up(T0)).History, Down(T0.AddSeconds(18))).History;

        var json = JsonSerializer.Serialize(history);
        var back = JsonSerializer.Deserialize<SessionHistory>(json);

        Assert.Equal(history, back);
    }

    [Fact]
    public void A_change_for_another_session_is_refused()
    {
        var history = _detector.Observe(null, Up(T0)).History;

        var error = Assert.Throws<ArgumentException>(() => _detector.Observe(history, Up(T0) with { Neighbor = "203.0.113.6" }));
        Assert.Contains("R1|203.0.113.6", error.Message, StringComparison.Ordinal);
        Assert.Contains("R1|203.0.113.2", error.Message, StringComparison.Ordinal);
    }
}
