using OrleansNetOps.Analytics.Correlation;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Analytics.Tests.Bgp;

namespace OrleansNetOps.Analytics.Tests.Correlation;

/// <summary>The findings of a real update file correlated: what reaches a person instead of every finding.</summary>
public sealed class MrtCorrelationTests
{
    [Fact]
    public void Linx_2007_findings_collapse_by_prefix_and_by_the_as_that_leaks()
    {
        var findings = MrtReplay.Of("updates.20070211.0141.gz").Findings.OrderBy(f => f.At).ToList();
        var correlator = new Correlator(SeedTopology.Value);
        var candidates = new Dictionary<string, IncidentCandidate>();
        foreach (var finding in findings)
        {
            var update = correlator.Observe(finding);
            foreach (var candidate in update.Opened.Concat(update.Updated).Concat(update.Folded).Concat(update.Closed))
            {
                candidates[candidate.Id] = candidate;
            }
        }

        foreach (var candidate in correlator.Advance(findings[^1].At.AddHours(1)))
        {
            candidates[candidate.Id] = candidate;
        }

        var live = candidates.Values.Where(c => c.MergedInto is null).ToList();
        Assert.Equal(256, findings.Count);
        Assert.Equal(33, live.Count);
        // Every finding is in exactly one candidate, as itself or as a repeat of one it holds.
        Assert.Equal(256, live.Sum(c => c.Occurrences.Values.Sum()));
        Assert.Equal(249, live.Sum(c => c.Findings.Length));

        // 184 leaks through AS6175 within one window are one candidate, whose cause is that AS.
        var leaker = live.MaxBy(c => c.Findings.Length)!;
        Assert.Equal(new FindingSubject(SubjectKind.AutonomousSystem, "AS6175"), leaker.TopCause.Subject);
        Assert.Equal("AS6175 leaking or hijacking routes", leaker.Title);
        Assert.Equal(184, leaker.Findings.Length);
        Assert.All(leaker.Findings, f => Assert.Equal(FindingKind.RouteLeak, f.Kind));

        // A MOAS and the new origin behind it are one candidate about the prefix.
        var moas = live.Single(c => c.OpenedAt == new DateTimeOffset(2007, 2, 11, 1, 45, 43, TimeSpan.Zero));
        Assert.Equal(new FindingSubject(SubjectKind.Prefix, "209.167.108.0/24"), moas.TopCause.Subject);
        Assert.Equal([FindingKind.OriginHijack, FindingKind.MultipleOrigins], moas.Findings.Select(f => f.Kind).Order());

        // Seven more-specifics of 66.29.0.0/17 from other origins are one candidate about that block.
        Assert.Equal(7, live.Single(c => c.TopCause.Subject == new FindingSubject(SubjectKind.Prefix, "66.29.0.0/17")).Findings.Length);
        Assert.DoesNotContain(live, c => c.Severity == IncidentSeverity.Critical); // nothing of ours is involved
    }
}
