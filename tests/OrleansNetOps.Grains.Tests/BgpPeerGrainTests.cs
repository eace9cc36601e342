using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using OrleansNetOps.Analytics.Bgp;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Bgp.Monitoring;
using OrleansNetOps.Grains.Analysis;
using OrleansNetOps.Grains.Events;
using OrleansNetOps.Grains.Network;
using GrainSessionChange = OrleansNetOps.Grains.Network.SessionChange;
using SessionTransition = OrleansNetOps.Analytics.Bgp.SessionChange;

namespace OrleansNetOps.Grains.Tests;

public sealed class BgpPeerGrainTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_session_leaving_established_reaches_the_correlator_as_a_session_down_finding_of_that_session()
    {
        await using var cluster = await GrainCluster.StartAsync();
        var peer = cluster.Grains.GetGrain<IBgpPeerGrain>("R1|203.0.113.2");
        await peer.RecordAsync(new GrainSessionChange("idle", "established", Start, null));
        await peer.RecordAsync(new GrainSessionChange("established", "idle", Start.AddMinutes(5), "hold timer expired"));

        var correlator = cluster.Grains.GetGrain<IFindingCorrelatorGrain>(NetOpsStreams.DefaultDomain);
        var query = new FindingQuery("R1", FindingKind.SessionDown, null, null, 10);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        ImmutableArray<Finding> found;
        while ((found = await correlator.GetFindingsAsync(query)).IsEmpty)
        {
            Assert.True(DateTime.UtcNow < deadline, "no session-down finding reached the correlator");
            await Task.Delay(100);
        }

        var down = Assert.Single(found);
        Assert.Equal(new FindingSubject(SubjectKind.Session, "R1|203.0.113.2"), down.Subject);
        Assert.Equal(Start.AddMinutes(5), down.At);
    }

    [Fact]
    public async Task The_flap_history_equals_the_session_flap_detectors_after_every_change_of_a_generated_sequence()
    {
        await using var cluster = await GrainCluster.StartAsync();
        const string router = "R-damping";
        const string neighbor = "203.0.113.9";
        var peer = cluster.Grains.GetGrain<IBgpPeerGrain>($"{router}|{neighbor}");
        var detector = new SessionFlapDetector();
        SessionHistory? expected = null;
        using var flaps = new FlapCounter(router);
        var sawSuppressed = false;
        var sawReuse = false;

        foreach (var change in Sequence(seed: 2439, count: 400))
        {
            var step = detector.Observe(expected, new SessionTransition(
                change.At, router, neighbor, Enum.Parse<SessionState>(change.From, ignoreCase: true), Enum.Parse<SessionState>(change.To, ignoreCase: true), change.Reason));
            var wasSuppressed = expected?.Penalty.Suppressed ?? false;
            expected = step.History;

            var actual = await peer.RecordAsync(change);

            Assert.Equal(RouteViews.StateName(expected.State), actual.State);
            Assert.Equal(expected.FlapCount, actual.FlapCount);
            Assert.Equal(expected.Penalty.Value, actual.FlapPenalty);
            Assert.Equal(expected.Penalty.Suppressed, actual.Suppressed);
            Assert.Equal(expected.Penalty.At == default ? null : expected.Penalty.At, actual.PenaltyAt);
            Assert.Equal(expected.LastUpAt, actual.LastUpAt);
            Assert.Equal(expected.LastDownAt, actual.LastDownAt);
            Assert.Equal(expected.LastDownReason, actual.LastDownReason);
            sawSuppressed |= expected.Penalty.Suppressed;
            sawReuse |= wasSuppressed && !expected.Penalty.Suppressed;
        }

        // The sequence exercised the whole RFC 2439 cycle, so the equality above compared more than zeros.
        Assert.True(sawSuppressed, "the sequence never pushed the penalty over the suppress limit");
        Assert.True(sawReuse, "the sequence never let a suppressed session decay below the reuse limit");
        Assert.True(expected!.FlapCount > 50, $"only {expected.FlapCount} flaps");
        var stored = await peer.GetHistoryAsync();
        Assert.Equal(expected.FlapCount, stored.FlapCount);
        Assert.Equal(expected.FlapCount, flaps.Total);
    }

    [Fact]
    public async Task A_history_stored_before_the_state_was_kept_reads_as_idle_and_an_unknown_state_is_refused_by_name()
    {
        var legacy = new PeerHistory { FlapCount = 3, FlapPenalty = 1500, PenaltyAt = Start, LastDownReason = "hold timer" };
        var session = BgpPeerGrain.ToSession(legacy, "R1", "192.0.2.1");
        Assert.Equal(SessionState.Idle, session.State);
        Assert.Equal(new DampingPenalty(1500, Start, false), session.Penalty);
        Assert.Equal(("R1", "65000:1|192.0.2.1"), BgpPeerGrain.Session("R1|65000:1|192.0.2.1"));
        Assert.Throws<ArgumentException>(() => BgpPeerGrain.Session("R1"));

        await using var cluster = await GrainCluster.StartAsync();
        var peer = cluster.Grains.GetGrain<IBgpPeerGrain>("R1|192.0.2.1");
        var error = await Assert.ThrowsAsync<ArgumentException>(() => peer.RecordAsync(new GrainSessionChange("established", "sideways", Start, null)));
        Assert.Contains("To: 'sideways' is not a BGP session state", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await peer.GetHistoryAsync()).FlapCount);
    }

    /// <summary>
    /// A session's life as BMP tells it: up, down for a reason, FRR's repeated Peer Downs while it stays down, back up;
    /// bursts seconds apart (which suppress it) and quiet hours (which let the penalty decay).
    /// </summary>
    private static IEnumerable<GrainSessionChange> Sequence(int seed, int count)
    {
        var random = new Random(seed);
        string[] reasons = ["local close, NOTIFICATION 4/0 Hold Timer Expired", "remote close, NOTIFICATION 6/2 Administrative Shutdown", "remote close, no notification"];
        var at = Start;
        var state = "idle";
        for (var i = 0; i < count; i++)
        {
            var burst = (i / 40) % 2 == 0;
            at += burst ? TimeSpan.FromSeconds(random.Next(5, 120)) : TimeSpan.FromMinutes(random.Next(5, 90));
            var next = state == "established"
                ? "down"
                : random.Next(4) == 0 ? "down" : "established";
            yield return new GrainSessionChange(state, next, at, next == "down" ? reasons[random.Next(reasons.Length)] : null);
            state = next;
        }
    }

    /// <summary>Sums the peer grains' flap counter for one router, as a metrics exporter would.</summary>
    private sealed class FlapCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _total;

        public FlapCounter(string router)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "OrleansNetOps.Grains" && instrument.Name == "netops.bgp.session.flaps")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "router" && Equals(tag.Value, router))
                    {
                        Interlocked.Add(ref _total, value);
                    }
                }
            });
            _listener.Start();
        }

        public long Total => Interlocked.Read(ref _total);

        public void Dispose() => _listener.Dispose();
    }
}
