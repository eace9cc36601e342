using OrleansNetOps.Twin.Recordings;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Twin.Tests;

/// <summary>
/// The project's lab recordings (<c>silo-config/recordings</c>, made by playing them on the FRR seed lab with
/// <c>OrleansNetOps.Lab play --record</c>) replayed in the twin: after every event the twin's best paths equal what the
/// real routers and ISPs showed.
/// </summary>
public sealed class RecordingTests
{
    /// <summary>The recordings of the seed lab.</summary>
    public static IReadOnlyList<string> Files() =>
        Directory.GetFiles(Path.Combine(Path.GetDirectoryName(Seed.File("topology.yaml"))!, "recordings"), "*.json").Order(StringComparer.Ordinal).ToList();

    public static TheoryData<string> Names() => [.. Files().Select(Path.GetFileNameWithoutExtension).OfType<string>()];

    private static ScenarioRecording Load(string name)
    {
        var recording = ScenarioRecording.Load(Files().Single(f => Path.GetFileNameWithoutExtension(f) == name), out var errors);
        Assert.True(recording is not null, string.Join('\n', errors));
        return recording;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_recording_replays_in_the_twin_as_frr_showed_it(string name)
    {
        var recording = Load(name);
        var steps = RecordingReplay.Run(Seed.State, recording);
        Assert.Equal(recording.Events.Count, steps.Count);
        foreach (var step in steps)
        {
            Assert.False(step.Result.Invalid, string.Join("; ", step.Result.Errors));
            Assert.NotNull(step.Event.Observed);
            Assert.NotEmpty(step.Event.Observed);
            Assert.True(step.Disagreements.Count == 0,
                $"{name} at {step.Event.AtSeconds} s ({string.Join("; ", step.Event.Changes.Select(c => c.Describe()))}):\n{string.Join('\n', step.Disagreements)}");
        }

        Assert.All(recording.Events.SelectMany(e => e.Changes), c => Assert.IsAssignableFrom<NetworkEvent>(c));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_recording_reads_back_as_written(string name)
    {
        var recording = Load(name);
        var again = ScenarioRecording.Parse(recording.ToJson(), out var errors);
        Assert.Empty(errors);
        Assert.Equal(recording.ToJson(), again!.ToJson());
        Assert.Equal(recording.Events.Select(e => e.Observed!.Count), again.Events.Select(e => e.Observed!.Count));
    }

    [Fact]
    public void What_the_routers_showed_is_what_the_comparison_holds_the_twin_to()
    {
        // Altering one observed route of a recording makes the replay disagree, naming the router and prefix.
        var recording = Load("seed-cycle");
        var first = recording.Events[0];
        var observed = first.Observed!.ToList();
        var index = observed.FindIndex(r => r.Node == "R4" && r.Prefix == "8.8.8.0/24");
        var altered = observed[index] with { AsPath = [1234, 15169, 15169] };
        observed[index] = altered;
        var steps = RecordingReplay.Run(Seed.State, recording with { Events = [first with { Observed = observed }] });
        Assert.StartsWith("R4 8.8.8.0/24: twin via", Assert.Single(steps[0].Disagreements), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_recordings_name_the_field()
    {
        var recording = ScenarioRecording.Parse("""
            { "name": "x", "events": [
              { "atSeconds": 5, "router": "R2", "action": "LINK_DOWN", "params": { "peer": "ISP-C" } },
              { "atSeconds": 1, "router": "ISP-C", "action": "ISP_WITHDRAW", "params": {} },
              { "router": "R2", "action": "LINK_UP", "params": { "peer": "ISP-C" }, "observed": [ { "node": "R1", "prefix": "1.1.1.0/24", "nextHop": "nope" } ] } ] }
            """, out var errors);
        Assert.Null(recording);
        Assert.Equal(
        [
            "topology: required, a string",
            "events[1].params.prefixes: is required",
            "events[1].atSeconds: required, a number of seconds not before the previous event (5)",
            "events[2].atSeconds: required, a number of seconds not before the previous event (5)",
            "events[2].observed[0].nextHop: 'nope' is not an IP address",
        ], errors);
    }
}
