using System.Globalization;
using System.Text.Json.Nodes;
using OrleansNetOps.Assistant.Intents;
using OrleansNetOps.Twin.WhatIf;
using Xunit.Abstractions;

namespace OrleansNetOps.Assistant.Tests.Intents;

public sealed class IntentParserTests(ITestOutputHelper output)
{
    private static readonly IntentParser s_parser = new(Seed.Topology);

    public static TheoryData<string> Unknown => new() { "make me a coffee", "what is the weather like", "", "please do the thing with the stuff" };

    [Fact]
    public void At_least_95_percent_of_the_catalogue_phrasings_read_as_written()
    {
        var cases = Phrasings();
        var wrong = new List<string>();
        foreach (var (text, router, action, expected) in cases)
        {
            var reading = s_parser.Read(text);
            var mismatch = Mismatch(reading, router, action, expected);
            if (mismatch is not null)
            {
                wrong.Add($"{text} → {mismatch}");
            }
        }

        foreach (var line in wrong)
        {
            output.WriteLine(line);
        }

        var ratio = 1 - ((double)wrong.Count / cases.Count);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cases.Count - wrong.Count}/{cases.Count} understood ({ratio:P1})"));
        Assert.True(cases.Count >= 150, $"only {cases.Count} phrasings");
        Assert.True(ratio >= 0.95, $"{wrong.Count} of {cases.Count} misread:\n{string.Join('\n', wrong)}");
    }

    [Fact]
    public void Every_change_read_from_the_phrasings_is_a_valid_what_if_on_the_seed_twin()
    {
        var invalid = new List<string>();
        foreach (var (text, _, _, _) in Phrasings())
        {
            if (s_parser.Read(text).Change is not { } change)
            {
                continue;
            }

            var result = WhatIfEngine.Run(Seed.State, new WhatIfRequest([change]));
            if (result.Invalid)
            {
                invalid.Add($"{text}: {string.Join("; ", result.Errors)}");
            }
        }

        Assert.True(invalid.Count == 0, string.Join('\n', invalid));
    }

    [Theory]
    [MemberData(nameof(Unknown))]
    public void An_unknown_intent_is_not_understood_and_says_what_it_can_do(string text)
    {
        var reading = s_parser.Read(text);

        Assert.False(reading.Understood);
        Assert.Contains("LOCAL_PREF_ADJUST", reading.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_session_to_an_isp_two_routers_peer_asks_which_router()
    {
        var reading = s_parser.Read("shut the session to ISP-B");

        Assert.False(reading.Understood);
        Assert.Contains("ISP-B peers R1 and R2", reading.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_is_missing_says_which()
    {
        var reading = s_parser.Read("set the MED toward ISP-A");

        Assert.False(reading.Understood);
        Assert.Contains("which MED", reading.Explanation, StringComparison.Ordinal);
    }

    private static string? Mismatch(IntentReading reading, string router, string action, IReadOnlyDictionary<string, string> expected)
    {
        if (reading.Change is not { } change)
        {
            return "not understood: " + reading.Explanation[..Math.Min(120, reading.Explanation.Length)];
        }

        if (change.Router != router || change.Action != action)
        {
            return $"{change.Action} on {change.Router}";
        }

        var written = (JsonObject)TwinChangeJson.Write(change)["params"]!;
        foreach (var (key, value) in expected)
        {
            var actual = written[key] switch
            {
                JsonArray list => string.Join(',', list.Select(n => n!.ToString())),
                { } node => node.ToString(),
                null => "(absent)",
            };
            if (actual != value)
            {
                return $"{key}={actual}, expected {value}";
            }
        }

        return null;
    }

    private static List<(string Text, string Router, string Action, IReadOnlyDictionary<string, string> Params)> Phrasings() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Intents", "phrasings.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(f => (f[0], f[1], f[2], (IReadOnlyDictionary<string, string>)(f.Length > 3 && f[3].Length > 0
                ? f[3].Split(';').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1])
                : new Dictionary<string, string>())))
            .ToList();
}
