using System.Security.Cryptography;
using System.Text;
using OrleansNetOps.Analytics.Logs;

namespace OrleansNetOps.Analytics.Tests.Logs;

public sealed class LogTemplateMinerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_id_comes_from_the_masked_line_that_created_the_template()
    {
        var miner = new LogTemplateMiner();

        var observation = miner.Observe("Connection closed by 10.0.0.1 port 22", T0);

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("Connection closed by <*> port <*>"));
        Assert.Equal("t-" + Convert.ToHexStringLower(hash.AsSpan(0, 8)), observation.TemplateId);
        Assert.True(observation.IsNew);
    }

    [Fact]
    public void The_id_is_kept_while_the_template_generalises()
    {
        var miner = new LogTemplateMiner();

        var first = miner.Observe("Invalid user admin from 10.0.0.1", T0);
        var second = miner.Observe("Invalid user oracle from 10.0.0.2", T0.AddSeconds(1));

        Assert.Equal(first.TemplateId, second.TemplateId);
        Assert.False(second.IsNew);
        Assert.Equal("Invalid user <*> from <*>", second.Template);
        var template = Assert.Single(miner.Templates());
        Assert.Equal((2L, T0, T0.AddSeconds(1)), (template.Count, template.FirstSeen, template.LastSeen));
    }

    [Fact]
    public void The_same_lines_in_the_same_order_give_the_same_ids()
    {
        var lines = Enumerable.Range(0, 300).Select(i => (i % 3) switch
        {
            0 => $"session opened for user u{i % 7} by (uid={i})",
            1 => $"Interface eth{i % 4} changed state to {(i % 2 == 0 ? "up" : "down")}",
            _ => $"BGP neighbor 203.0.113.{i % 200} Down Hold Timer Expired",
        }).ToList();

        var a = new LogTemplateMiner();
        var b = new LogTemplateMiner();

        Assert.Equal(lines.Select(l => a.Observe(l, T0).TemplateId), lines.Select(l => b.Observe(l, T0).TemplateId));
        Assert.Equal(a.Templates().ToList(), b.Templates().ToList());
    }

    [Fact]
    public void Two_changed_words_make_two_templates()
    {
        var miner = new LogTemplateMiner();

        var a = miner.Observe("task_01 Task Transitioned from NEW to SCHEDULED", T0);
        var b = miner.Observe("task_01 Task Transitioned from SCHEDULED to RUNNING", T0);

        Assert.NotEqual(a.TemplateId, b.TemplateId);
        Assert.True(b.IsNew);
    }

    [Fact]
    public void A_settled_word_is_not_generalised_by_one_other_word()
    {
        var miner = new LogTemplateMiner();
        for (var i = 0; i < 10; i++)
        {
            miner.Observe($"Session: {i}_{i * 7} initialized by client WindowsUpdateAgent.", T0);
        }

        var other = miner.Observe("Session: 11152_142416105 initialized by client SPP.", T0);

        Assert.True(other.IsNew);
        Assert.Equal(["Session: <*> initialized by client SPP.", "Session: <*> initialized by client WindowsUpdateAgent."],
            miner.Templates().Select(t => t.Template).Order());
    }

    [Fact]
    public void A_template_that_generalises_absorbs_the_ones_it_covers_and_keeps_the_older_id()
    {
        var miner = new LogTemplateMiner();
        LogTemplateObservation admin = null!;
        for (var i = 0; i < 6; i++)
        {
            admin = miner.Observe($"Invalid user admin from 10.0.0.{i}", T0.AddMinutes(i));
        }

        var test = miner.Observe("Invalid user test from 10.0.1.1", T0.AddMinutes(10));
        Assert.True(test.IsNew);

        var oracle = miner.Observe("Invalid user oracle from 10.0.1.2", T0.AddMinutes(11));

        Assert.Equal(admin.TemplateId, oracle.TemplateId);
        var merged = Assert.Single(miner.Templates());
        Assert.Equal(new LogTemplate(admin.TemplateId, "Invalid user <*> from <*>", 8, T0, T0.AddMinutes(11), false), merged);
        Assert.Equal(merged, miner.Resolve(test.TemplateId));
        Assert.Equal(miner.Resolve(admin.TemplateId), miner.Resolve(test.TemplateId));
    }

    [Fact]
    public void Memory_is_bounded_by_forgetting_the_least_recently_matched_template()
    {
        var miner = new LogTemplateMiner(LogTemplateOptions.Default with { MaxTemplates = 3 });
        var a = miner.Observe("alpha service started", T0);
        var b = miner.Observe("beta link flapped twice", T0);
        miner.Observe("gamma queue is full now ok", T0);
        miner.Observe("alpha service started", T0);

        miner.Observe("delta disk almost full", T0);

        Assert.Equal(3, miner.TemplateCount);
        Assert.Null(miner.Resolve(b.TemplateId));
        Assert.NotNull(miner.Resolve(a.TemplateId));
    }

    [Fact]
    public void Many_distinct_lines_stay_within_the_bound()
    {
        var options = LogTemplateOptions.Default with { MaxTemplates = 50 };
        var miner = new LogTemplateMiner(options);
        var words = new[] { "alpha", "beta", "gamma", "delta", "eps", "zeta", "eta", "theta", "iota", "kappa" };
        for (var i = 0; i < 20_000; i++)
        {
            // Distinct words in most positions, so lines rarely join and merges leave aliases behind.
            miner.Observe($"{words[i % 10]} {words[i / 10 % 10]} {words[i / 100 % 10]} {words[i / 1000 % 10]} event", T0);
        }

        var state = miner.Snapshot();
        Assert.InRange(miner.TemplateCount, 1, 50);
        Assert.InRange(state.Templates.Length, 1, 50);
        Assert.InRange(state.Aliases.Length, 0, 50);
    }

    [Fact]
    public void A_line_of_no_tokens_has_the_empty_template()
    {
        var miner = new LogTemplateMiner();

        var first = miner.Observe("", T0);
        var second = miner.Observe("   ", T0);

        Assert.Equal("", first.Template);
        Assert.Equal(first.TemplateId, second.TemplateId);
    }

    [Fact]
    public void Options_out_of_range_are_rejected_by_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new LogTemplateMiner(LogTemplateOptions.Default with { SimilarityThreshold = 1.5 }));

        Assert.Equal("SimilarityThreshold", error.ParamName);
        Assert.Contains("SimilarityThreshold", error.Message, StringComparison.Ordinal);
    }
}
