using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Analytics.Logs;

namespace OrleansNetOps.Analytics.Tests.Logs;

public sealed class LogTemplateFindingTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly LogTemplateOptions Options = LogTemplateOptions.Default with
    {
        LearningLines = 100,
        LearningPeriod = TimeSpan.FromMinutes(10),
        RareShare = 0.05,
        FindingInterval = TimeSpan.FromMinutes(30),
    };

    [Fact]
    public void Nothing_is_a_finding_during_the_learning_period()
    {
        var miner = new LogTemplateMiner(Options);

        // 200 distinct templates in 5 minutes: enough lines, not enough time.
        var observations = Enumerable.Range(0, 200).Select(i => miner.Observe(Distinct(i), T0.AddSeconds(i * 1.5), "R1")).ToList();

        Assert.All(observations, o => Assert.Null(o.Finding));
        Assert.All(observations, o => Assert.False(o.IsRare));
        Assert.True(observations.Count(o => o.IsNew) > 100);
    }

    [Fact]
    public void Not_enough_lines_is_still_learning_however_long_it_took()
    {
        var miner = new LogTemplateMiner(Options);
        for (var i = 0; i < 50; i++)
        {
            miner.Observe($"heartbeat {i} ok", T0.AddHours(i));
        }

        Assert.Null(miner.Observe("brand new kind of message", T0.AddDays(5), "R1").Finding);
    }

    [Fact]
    public void A_new_template_after_learning_is_a_finding_about_the_router()
    {
        var miner = Learned();

        var observation = miner.Observe("BGP neighbor 203.0.113.1 Down Hold Timer Expired", T0.AddHours(1), "R1");

        Assert.True(observation.IsNew);
        var finding = Assert.IsType<Finding>(observation.Finding);
        Assert.Equal(FindingKind.NewLogTemplate, finding.Kind);
        Assert.Equal("R1", finding.Router);
        Assert.Equal(new FindingSubject(SubjectKind.Router, "R1"), finding.Subject);
        Assert.Equal(T0.AddHours(1), finding.At);
        Assert.InRange(finding.Score, 0, 1);
        Assert.Contains("BGP neighbor <*> Down Hold Timer Expired", finding.Summary, StringComparison.Ordinal);
        var evidence = Assert.Single(finding.Evidence);
        Assert.Equal("syslog", evidence.Source);
        Assert.Equal("BGP neighbor 203.0.113.1 Down Hold Timer Expired", evidence.Description);
        Assert.Equal(observation.TemplateId, evidence.Data["templateId"]);
    }

    [Fact]
    public void Without_a_router_a_new_template_is_reported_but_is_no_finding()
    {
        var miner = Learned();

        var observation = miner.Observe("BGP neighbor 203.0.113.1 Down Hold Timer Expired", T0.AddHours(1));

        Assert.True(observation.IsNew);
        Assert.Null(observation.Finding);
    }

    [Fact]
    public void A_rare_template_is_a_finding_at_most_once_per_interval()
    {
        var miner = Learned();
        var first = miner.Observe("OSPF adjacency 10.0.0.1 lost", T0.AddHours(1), "R1");
        Assert.Equal(FindingKind.NewLogTemplate, first.Finding!.Kind);

        var soon = miner.Observe("OSPF adjacency 10.0.0.2 lost", T0.AddHours(1).AddMinutes(5), "R1");
        var later = miner.Observe("OSPF adjacency 10.0.0.3 lost", T0.AddHours(2), "R1");

        Assert.True(soon.IsRare);
        Assert.Null(soon.Finding);
        Assert.True(later.IsRare);
        Assert.Equal(FindingKind.RareLogTemplate, later.Finding!.Kind);
        Assert.Equal(first.TemplateId, later.Finding.Evidence[0].Data["templateId"]);
        Assert.NotEqual(first.Finding.Id, later.Finding.Id);
        Assert.True(Assert.Single(miner.Templates(), t => t.Id == first.TemplateId).Rare);
    }

    [Fact]
    public void A_template_past_the_rare_count_is_not_rare_however_small_its_share()
    {
        var miner = new LogTemplateMiner(Options with { RareShare = 0.5, RareMaxCount = 3 });
        for (var i = 0; i < 200; i++)
        {
            miner.Observe($"heartbeat {i} ok", T0.AddSeconds(i * 6), "R1");
        }

        var seen = Enumerable.Range(0, 4).Select(i => miner.Observe($"fan {i} speed low", T0.AddHours(1 + i), "R1")).ToList();

        Assert.Equal([true, true, true, false], seen.Select(o => o.IsRare));
        Assert.Equal([FindingKind.NewLogTemplate, FindingKind.RareLogTemplate, FindingKind.RareLogTemplate, (FindingKind?)null],
            seen.Select(o => o.Finding?.Kind));
    }

    [Fact]
    public void A_common_template_is_not_rare()
    {
        var miner = Learned();

        var observation = miner.Observe("heartbeat 999 ok", T0.AddHours(1), "R1");

        Assert.False(observation.IsRare);
        Assert.Null(observation.Finding);
        Assert.False(miner.Resolve(observation.TemplateId)!.Rare);
    }

    [Fact]
    public void Two_new_templates_at_the_same_instant_are_two_findings()
    {
        var miner = Learned();
        var at = T0.AddHours(1);

        var a = miner.Observe("fan tray 1 removed", at, "R1").Finding!;
        var b = miner.Observe("power supply 2 failed", at, "R1").Finding!;

        Assert.NotEqual(a.Id, b.Id);
        Assert.Equal(a.Id, Learned().Observe("fan tray 1 removed", at, "R1").Finding!.Id);
    }

    /// <summary>A miner past learning: 200 heartbeats over 20 minutes.</summary>
    private static LogTemplateMiner Learned()
    {
        var miner = new LogTemplateMiner(Options);
        for (var i = 0; i < 200; i++)
        {
            miner.Observe($"heartbeat {i} ok", T0.AddSeconds(i * 6), "R1");
        }

        return miner;
    }

    private static string Distinct(int i) => $"w{(char)('a' + (i % 26))}{(char)('a' + (i / 26 % 26))} happened here";
}
