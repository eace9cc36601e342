using System.Collections.Immutable;
using System.Text.Json;
using OrleansNetOps.Analytics.Bgp;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Bgp.Monitoring;

namespace OrleansNetOps.Analytics.Tests.Bgp;

public sealed class ChurnStormDetectorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);

    // One count per 30 s bucket on R1's session with ISP-A.
    private static List<Finding> Play(ChurnStormDetector detector, int firstBucket, params int[] counts)
    {
        var findings = new List<Finding>();
        for (var i = 0; i < counts.Length; i++)
        {
            findings.AddRange(detector.ObserveCount(T0.AddSeconds(30 * (firstBucket + i)), "R1|203.0.113.2", "R1", counts[i], 0));
        }

        findings.AddRange(detector.Advance(T0.AddSeconds(30 * (firstBucket + counts.Length))));
        return findings;
    }

    [Fact]
    public void A_burst_far_above_the_learned_rate_is_one_storm_per_source()
    {
        var detector = new ChurnStormDetector();

        var findings = Play(detector, 0, 40, 60, 50, 45, 55, 50, 40, 60, 900, 1200, 800, 50, 40);

        Assert.Equal(2, findings.Count); // the session and the router as a whole
        var session = findings.Single(f => f.Subject.Kind == SubjectKind.Session);
        Assert.Equal(FindingKind.ChurnStorm, session.Kind);
        Assert.Equal(new FindingSubject(SubjectKind.Session, "R1|203.0.113.2"), session.Subject);
        Assert.Equal(T0.AddSeconds(30 * 9), session.At); // the end of the first stormy bucket
        Assert.Equal("900", session.Evidence[0].Data["count"]);
        Assert.Equal("R1", session.Router);
        Assert.Equal(new FindingSubject(SubjectKind.Router, "R1"), findings.Single(f => f.Subject.Kind == SubjectKind.Router).Subject);
        // The storm did not teach itself: the learned mean is still about 50.
        Assert.InRange(detector.Source("R1|203.0.113.2")!.Mean, 45, 60);
    }

    [Fact]
    public void No_alarm_from_an_empty_baseline()
    {
        Assert.Empty(Play(new ChurnStormDetector(), 0, 5000, 5000, 20, 20));
    }

    [Fact]
    public void The_table_transfer_after_a_session_comes_up_is_not_a_storm()
    {
        var detector = new ChurnStormDetector();
        Play(detector, 0, 40, 60, 50, 45, 55, 50, 40, 60);

        detector.ObserveSession(new SessionChange(T0.AddSeconds(245), "R1", "203.0.113.2", SessionState.OpenConfirm, SessionState.Established, null));
        var findings = Play(detector, 8, 30_000, 50_000, 2_000, 50);

        Assert.Empty(findings);
    }

    [Fact]
    public void Silence_ends_a_storm_and_a_later_burst_is_a_new_one()
    {
        var detector = new ChurnStormDetector(new ChurnOptions { WarmupBuckets = 4 });
        Assert.Single(Play(detector, 0, 40, 60, 50, 45, 1000), f => f.Subject.Kind == SubjectKind.Session);
        Assert.Empty(detector.Advance(T0.AddMinutes(10)));
        Assert.Null(detector.Source("R1|203.0.113.2")!.StormSince);

        Assert.Single(Play(detector, 21, 1000), f => f.Subject.Kind == SubjectKind.Session);
    }

    [Fact]
    public void Sources_survive_a_json_round_trip()
    {
        var detector = new ChurnStormDetector();
        Play(detector, 0, 40, 60, 50, 45, 55, 50, 40, 60);

        var json = JsonSerializer.Serialize(detector.Sources);
        var restored = new ChurnStormDetector(sources: JsonSerializer.Deserialize<ImmutableArray<ChurnSourceState>>(json));

        Assert.Equal(detector.Sources.AsEnumerable(), restored.Sources.AsEnumerable()); // ImmutableArray equality is by reference
        Assert.Equal(2, Play(restored, 8, 900).Count);
    }
}
