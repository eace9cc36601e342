using System.Text.Json;
using System.Text.RegularExpressions;
using OrleansNetOps.Lab.Scenarios;

namespace OrleansNetOps.Integration.Tests.Correlation;

/// <summary>
/// Issue 10's correlation acceptance on real FRR: the R1–ISP-A link is cut (both veth ends down, so the session dies by
/// its 9 s hold timer) while the service hears of it four ways — BMP Peer Down, bgpd's own %ADJCHANGE log line, an SNMP
/// linkDown trap and probe loss toward ISP-A — and at the same time R2's session to ISP-C is shut, an unrelated fault.
/// </summary>
public sealed partial class LinkCutCorrelationTests(LinkCutLab fixture) : IClassFixture<LinkCutLab>
{
    private const string ProbeLoss = "/probes/isp[name=ISP-A]/loss-pct";

    [Fact]
    public async Task A_cut_link_is_one_candidate_naming_the_link_with_every_signal_and_an_unrelated_fault_is_a_second()
    {
        await fixture.WaitForSessionAsync("R1", "ISP-A", established: true, TimeSpan.FromSeconds(60));
        await fixture.WaitForSessionAsync("R2", "ISP-C", established: true, TimeSpan.FromSeconds(60));
        // FRR's traditional defaults log no adjacency changes; an operator turns it on to have them in syslog.
        await fixture.Lab.VtyshAsync("R1", ["configure terminal", $"router bgp {fixture.Topology.Asn}", "bgp log-neighbor-changes", "end"]);
        var before = (await Candidates()).Select(c => c.GetProperty("id").GetString()).ToHashSet();
        var logOffset = fixture.LogLength("R1");
        var cutAt = DateTimeOffset.UtcNow;
        try
        {
            await fixture.Lab.ApplyAsync(new SetLinkState("R1", "ISP-A", Up: false));
            await fixture.Lab.ApplyAsync(new SetSessionEnabled("R2", "ISP-C", Enabled: false));
            await fixture.SendLinkDownTrapAsync("R1", "ISP-A");
            for (var i = 0; i < 3; i++)
            {
                await fixture.PostProbeAsync("R1", ProbeLoss, 100, DateTimeOffset.UtcNow);
                await Task.Delay(1000);
            }

            await fixture.WaitForSessionAsync("R1", "ISP-A", established: false, TimeSpan.FromSeconds(30));
            string[] adjacency = [];
            await SignalLab.PollAsync(() =>
            {
                adjacency = [.. fixture.LogLinesSince("R1", logOffset).Where(l => l.Contains("%ADJCHANGE", StringComparison.Ordinal) && l.Contains(" Down", StringComparison.Ordinal))];
                return Task.FromResult(adjacency.Length > 0);
            }, TimeSpan.FromSeconds(15), "bgpd of R1 logged no %ADJCHANGE … Down");
            foreach (var line in adjacency)
            {
                await fixture.RelaySyslogAsync("R1", LogMessage().Match(line) is { Success: true } m ? m.Groups["message"].Value : line);
            }

            // Every signal has reached the link's candidate.
            JsonElement[] mine = [];
            JsonElement link = default;
            await SignalLab.PollAsync(async () =>
            {
                mine = [.. (await Candidates()).Where(c => !before.Contains(c.GetProperty("id").GetString()) && c.GetProperty("mergedInto").ValueKind == JsonValueKind.Null)];
                link = mine.FirstOrDefault(c => TopCause(c) == "link:R1~ISP-A");
                return link.ValueKind == JsonValueKind.Object && Sources(link).IsSupersetOf(["bmp", "syslog", "snmp-trap", "metric"])
                    && mine.Any(c => c.GetProperty("routers").EnumerateArray().Any(r => r.GetString() == "R2"));
            }, TimeSpan.FromSeconds(30), "the signals never came together: " + string.Join(" | ", mine.Select(Describe)));

            // A moment more for stragglers, then: exactly the two candidates.
            await Task.Delay(TimeSpan.FromSeconds(3));
            mine = [.. (await Candidates()).Where(c => !before.Contains(c.GetProperty("id").GetString()) && c.GetProperty("mergedInto").ValueKind == JsonValueKind.Null)];
            Assert.True(mine.Length == 2, "expected two candidates: " + string.Join(" | ", mine.Select(Describe)));
            link = Assert.Single(mine, c => TopCause(c) == "link:R1~ISP-A");
            var other = Assert.Single(mine, c => TopCause(c) != "link:R1~ISP-A");
            Assert.Equal(["R1"], link.GetProperty("routers").EnumerateArray().Select(r => r.GetString()));
            Assert.Equal(["R2"], other.GetProperty("routers").EnumerateArray().Select(r => r.GetString()));
            // An administrative shutdown takes the session down, not the link under it.
            Assert.Equal($"session:R2|{fixture.Lab.Layout.NeighborAddress("R2", "ISP-C")}", TopCause(other));

            // The evidence names each signal: the Peer Down, bgpd's line, the trap's interface, the probe series.
            var evidence = link.GetProperty("evidence").EnumerateArray().ToList();
            Assert.Contains(evidence, e => Source(e) == "bmp" && e.GetProperty("data").GetProperty("neighbor").GetString() == "203.0.113.2");
            Assert.Contains(evidence, e => Source(e) == "syslog" && e.GetProperty("description").GetString()!.Contains("%ADJCHANGE: neighbor 203.0.113.2", StringComparison.Ordinal));
            Assert.Contains(evidence, e => Source(e) == "snmp-trap" && e.GetProperty("data").GetProperty("interface").GetString() == fixture.Lab.Layout.Wire("R1", "ISP-A").InterfaceOf("R1"));
            Assert.Contains(evidence, e => Source(e) == "metric" && e.GetProperty("description").GetString()!.Contains(ProbeLoss, StringComparison.Ordinal));
            Assert.All(evidence, e => Assert.True(e.GetProperty("t").GetDateTimeOffset() >= cutAt.AddSeconds(-2), $"evidence from before the cut: {e}"));
            Assert.True(link.GetProperty("topCause").GetProperty("confidence").GetDouble() > 0);
        }
        finally
        {
            await fixture.Lab.ApplyAsync(new SetLinkState("R1", "ISP-A", Up: true));
            await fixture.Lab.ApplyAsync(new SetSessionEnabled("R2", "ISP-C", Enabled: true));
        }
    }

    private async Task<JsonElement[]> Candidates() =>
        [.. (await fixture.GetJsonAsync("/api/v1/findings/candidates?limit=500")).EnumerateArray()];

    private static string TopCause(JsonElement candidate) => candidate.GetProperty("topCause").GetProperty("subject").GetString()!;

    private static string Source(JsonElement evidence) => evidence.GetProperty("source").GetString()!;

    private static HashSet<string> Sources(JsonElement candidate) => [.. candidate.GetProperty("evidence").EnumerateArray().Select(Source)];

    private static string Describe(JsonElement candidate) =>
        $"{candidate.GetProperty("id").GetString()} {TopCause(candidate)} routers [{string.Join(',', candidate.GetProperty("routers").EnumerateArray().Select(r => r.GetString()))}] " +
        $"evidence [{string.Join(',', Sources(candidate))}] findings {candidate.GetProperty("findings").GetArrayLength()}";

    // bgpd's log file: "2026/12/06 09:20:01 BGP: [RZMGQ-A03CG] %ADJCHANGE: …"; syslog carries what follows the protocol tag.
    [GeneratedRegex(@"^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d(?:\.\d+)? \w+: (?<message>.*)$")]
    private static partial Regex LogMessage();
}
