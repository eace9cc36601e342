using System.Collections.Immutable;
using System.Text.Json;
using OrleansNetOps.Analytics.Logs;
using OrleansNetOps.TestSupport;

namespace OrleansNetOps.Analytics.Tests.Logs;

public sealed class LogTemplateStateTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Restoring_a_json_snapshot_and_going_on_equals_never_stopping()
    {
        var format = LogFormat.Parse("<Label> <Timestamp> <Date> <User> <Month> <Day> <Time> <Location> <Component>(\\[<PID>\\])?: <Content>");
        var contents = File.ReadLines(SharedData.Path("loghub", "Thunderbird", "Thunderbird_2k.log"))
            .Select(l => format.TryGetContent(l, out var c) ? c! : l).ToList();
        // Small enough that templates are forgotten and aliases left, so those paths are restored too.
        var options = LogTemplateOptions.Default with { MaxTemplates = 60, LearningLines = 100, LearningPeriod = TimeSpan.Zero };
        var straight = new LogTemplateMiner(options);
        var first = new LogTemplateMiner(options);
        for (var i = 0; i < 1000; i++)
        {
            straight.Observe(contents[i], T0.AddSeconds(i), "R1");
            first.Observe(contents[i], T0.AddSeconds(i), "R1");
        }

        var json = JsonSerializer.Serialize(first.Snapshot());
        var resumed = LogTemplateMiner.Restore(JsonSerializer.Deserialize<LogTemplateMinerState>(json)!, options);

        for (var i = 1000; i < contents.Count; i++)
        {
            Assert.Equal(
                JsonSerializer.Serialize(straight.Observe(contents[i], T0.AddSeconds(i), "R1")),
                JsonSerializer.Serialize(resumed.Observe(contents[i], T0.AddSeconds(i), "R1")));
        }

        Assert.Equal(JsonSerializer.Serialize(straight.Snapshot()), JsonSerializer.Serialize(resumed.Snapshot()));
        Assert.NotEmpty(straight.Snapshot().Aliases);
    }

    [Fact]
    public void A_snapshot_is_plain_json()
    {
        var miner = new LogTemplateMiner();
        miner.Observe("Interface eth0 changed state to down", T0);
        miner.Observe("Interface eth1 changed state to down", T0.AddSeconds(5));

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(miner.Snapshot()));

        var template = json.RootElement.GetProperty("Templates")[0];
        Assert.Equal("Interface <*> changed state to down", string.Join(' ', template.GetProperty("Tokens").EnumerateArray().Select(t => t.GetString())));
        Assert.Equal(2, template.GetProperty("Count").GetInt64());
        Assert.Equal(2, json.RootElement.GetProperty("Lines").GetInt64());
    }

    [Fact]
    public void A_state_with_a_broken_template_is_rejected_naming_it()
    {
        var miner = new LogTemplateMiner();
        miner.Observe("Interface eth0 changed state to down", T0);
        var state = miner.Snapshot();
        var broken = state with { Templates = [state.Templates[0] with { Count = 0 }] };

        var error = Assert.Throws<ArgumentException>(() => LogTemplateMiner.Restore(broken));

        Assert.Contains(state.Templates[0].Id, error.Message, StringComparison.Ordinal);
        Assert.Contains("Count", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_state_learned_with_another_tree_depth_is_rejected()
    {
        var miner = new LogTemplateMiner();
        miner.Observe("Interface eth0 changed state to down", T0);

        var error = Assert.Throws<ArgumentException>(() => LogTemplateMiner.Restore(miner.Snapshot(), LogTemplateOptions.Default with { LeadingTokens = 2 }));

        Assert.Contains("LeadingTokens 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_state_of_another_version_is_rejected()
    {
        var state = new LogTemplateMinerState(99, 0, null, null, ImmutableArray<LogTemplateState>.Empty, ImmutableArray<LogTemplateAlias>.Empty);

        var error = Assert.Throws<ArgumentException>(() => LogTemplateMiner.Restore(state));

        Assert.Contains("version 99", error.Message, StringComparison.Ordinal);
    }
}
