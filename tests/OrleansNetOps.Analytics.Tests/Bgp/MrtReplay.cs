using System.Collections.Concurrent;
using OrleansNetOps.Analytics.Bgp;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Bgp.Mrt;
using OrleansNetOps.TestSupport;

namespace OrleansNetOps.Analytics.Tests.Bgp;

/// <summary>
/// Replays a bgpdump update file through every BGP detector once (per test run) as a route collector's data: origin
/// monitor, more-specifics with learned ownership, leaks by the Tier-1 rule, churn storms, session changes.
/// </summary>
internal sealed class MrtReplay
{
    private static readonly ConcurrentDictionary<string, Lazy<MrtReplay>> Replays = new();

    private MrtReplay(string file)
    {
        var origins = new OriginMonitor();
        var moreSpecifics = new MoreSpecificHijackDetector(new PrefixOwnership([]), new MoreSpecificOptions { LearnFromAnnouncements = true });
        var leaks = new RouteLeakDetector(AsRelationships.Empty.WithTier1(AsRelationships.WellKnownTier1));
        var churn = new ChurnStormDetector();
        var sessions = new SessionFlapDetector();
        var histories = new Dictionary<string, SessionHistory>();
        var findings = new List<Finding>();
        var last = DateTimeOffset.MinValue;
        foreach (var record in MrtReader.Read(File.OpenRead(SharedData.Path("mrt", "bgpdump", "test_data", file))))
        {
            last = MrtFeed.TimeOf(record);
            switch (record)
            {
                case Bgp4mpStateChangeRecord change:
                    var sessionChange = MrtFeed.Change(change, "rrc");
                    StateChanges++;
                    var step = sessions.Observe(histories.GetValueOrDefault(sessionChange.Neighbor), sessionChange);
                    histories[sessionChange.Neighbor] = step.History;
                    findings.AddRange(step.Findings);
                    churn.ObserveSession(sessionChange);
                    break;
                case Bgp4mpMessageRecord message:
                    foreach (var update in MrtFeed.Updates(message, "rrc"))
                    {
                        PrefixUpdates++;
                        findings.AddRange(origins.Observe(update));
                        findings.AddRange(churn.Observe(update));
                        if (moreSpecifics.Observe(update) is { } moreSpecific)
                        {
                            findings.Add(moreSpecific);
                        }

                        if (leaks.ObserveReceived(update) is { } leak)
                        {
                            findings.Add(leak);
                        }
                    }

                    break;
            }
        }

        findings.AddRange(churn.Advance(last.AddMinutes(1)));
        Findings = findings;
        Origins = origins;
    }

    public IReadOnlyList<Finding> Findings { get; }

    public OriginMonitor Origins { get; }

    public int PrefixUpdates { get; }

    public int StateChanges { get; }

    public static MrtReplay Of(string file) => Replays.GetOrAdd(file, f => new Lazy<MrtReplay>(() => new MrtReplay(f))).Value;

    public IReadOnlyList<Finding> Of(FindingKind kind) => [.. Findings.Where(f => f.Kind == kind)];
}
