using System.Text.Json.Nodes;
using OrleansNetOps.Governance.Approvals;
using OrleansNetOps.Governance.Audit;
using OrleansNetOps.Governance.Autonomy;
using OrleansNetOps.Governance.Decisions;
using OrleansNetOps.Governance.Guardrails;
using OrleansNetOps.Governance.Verification;

namespace OrleansNetOps.Governance.Tests;

public sealed class AuditChainTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static List<AuditEntry> Chain(int count)
    {
        var head = AuditHead.Genesis;
        var chain = new List<AuditEntry>();
        for (var i = 0; i < count; i++)
        {
            var entry = AuditChain.Append(head, AuditRecord.Create("alice", "approval", $"act-{i}", "APPROVED", new JsonObject { ["n"] = i }), At.AddSeconds(i));
            chain.Add(entry);
            head = entry.Head;
        }

        return chain;
    }

    [Fact]
    public void The_canonical_form_and_hash_are_pinned()
    {
        var record = AuditRecord.Create("resolver/act-1", "decision", "act-1", "AUTO_EXECUTE",
            new JsonObject { ["z"] = 1.0, ["a"] = new JsonArray(1e21, 1e-7, "é\n"), ["B"] = null });
        var entry = AuditChain.Append(AuditHead.Genesis, record, At.AddTicks(1_234_567));
        Assert.Equal(At.AddTicks(1_234_560), entry.At);
        Assert.Equal(
            "{\"actionId\":\"act-1\",\"actor\":\"resolver/act-1\",\"at\":\"2026-12-01T12:00:00.123456Z\",\"decision\":\"AUTO_EXECUTE\","
            + "\"detail\":{\"B\":null,\"a\":[1e+21,1e-7,\"é\\n\"],\"z\":1},\"kind\":\"decision\",\"prevHash\":\"" + AuditChain.GenesisHash + "\",\"seq\":1}",
            AuditChain.CanonicalForm(entry));
        // Computed outside .NET (Python's hashlib over the text above).
        Assert.Equal("891d582d51c822dba67b88e85569a304547ffa4bbf23eaa89c81162124fc363f", entry.Hash);
        Assert.Equal((1L, AuditChain.GenesisHash), (entry.Seq, entry.PrevHash));
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(0.0000001, "1e-7")]
    [InlineData(123456789012345680000.0, "123456789012345680000")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1.2345e25, "1.2345e+25")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(4294967295.0, "4294967295")]
    [InlineData(0.25, "0.25")]
    public void Numbers_are_written_as_ECMAScript_writes_them(double value, string expected) =>
        Assert.Equal(expected, CanonicalJson.Number(value));

    [Fact]
    public void Strings_escape_only_what_JSON_requires_and_members_sort_by_UTF16_code_units()
    {
        Assert.Equal("{\"B\":1,\"a\":2,\"é\":3,\"😀\":4,\"ｚ\":5}", CanonicalJson.Canonicalize("{ \"😀\": 4, \"ｚ\": 5, \"é\": 3, \"a\": 2, \"B\": 1 }"));
        Assert.Equal("[\"\\u0001\\b\\t\\n\\f\\r\\\"\\\\/\\u001f\u2028é\"]", CanonicalJson.Canonicalize("[\"\\u0001\\b\\t\\n\\f\\r\\\"\\\\\\/\\u001f\\u2028\\u00e9\"]"));
        Assert.Throws<FormatException>(() => CanonicalJson.Canonicalize("{\"a\":1,\"a\":2}"));
        Assert.Throws<FormatException>(() => CanonicalJson.Canonicalize("{\"a\":1e400}"));
        Assert.Equal("[0,100]", CanonicalJson.Canonicalize("[-0.0, 1E2]"));
    }

    [Fact]
    public void Editing_deleting_or_reordering_rows_names_the_first_broken_entry()
    {
        var chain = Chain(6);
        Assert.Equal(new AuditVerification(true, 6, null, null), AuditChain.Verify(chain, chain[^1].Head));

        var edited = chain.ToList();
        edited[2] = edited[2] with { Detail = "{\"n\":99}" };
        Assert.Equal(new AuditVerification(false, 6, 3, "entry 3 was altered: its content no longer matches its hash"), AuditChain.Verify(edited));

        var deleted = chain.Where(e => e.Seq != 4).ToList();
        Assert.Equal(new AuditVerification(false, 5, 4, "entry 4 is missing (found 5 in its place)"), AuditChain.Verify(deleted));

        var reordered = chain.ToList();
        (reordered[1], reordered[4]) = (reordered[4], reordered[1]);
        Assert.Equal(2, AuditChain.Verify(reordered).FirstBrokenSeq);

        // Rewritten with a fresh hash: entry 3 no longer links to it.
        var rehashed = chain.ToList();
        var forged = rehashed[1] with { Decision = "REJECTED" };
        rehashed[1] = forged with { Hash = AuditChain.ComputeHash(forged) };
        var report = AuditChain.Verify(rehashed);
        Assert.Equal(2, report.FirstBrokenSeq);
        Assert.Equal("entry 3 links to a different entry 2 than the one stored: entry 2 was rewritten (or entry 3's link)", report.Problem);

        // The tail cut off: only an anchor kept elsewhere tells.
        var truncated = chain.Take(4).ToList();
        Assert.True(AuditChain.Verify(truncated).Valid);
        Assert.Equal(5, AuditChain.Verify(truncated, chain[^1].Head).FirstBrokenSeq);
        var garbled = AuditChain.Verify(chain.Take(2).Append(chain[2] with { Detail = "not json" }));
        Assert.Equal(3, garbled.FirstBrokenSeq);
        Assert.StartsWith("entry 3's detail is not canonical JSON", garbled.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Decision_records_carry_inputs_twin_violations_tiers_and_outcome()
    {
        var proposal = Plans.LocalPref(localPref: 350);
        var decision = GovernanceDecider.Decide(proposal, Plans.Context());
        var record = AuditRecords.Decision(proposal, decision, "resolver/act-1");
        Assert.Equal(("resolver/act-1", "decision", "act-1", "BLOCKED"), (record.Actor, record.Kind, record.ActionId, record.Decision));
        var detail = JsonNode.Parse(record.Detail)!.AsObject();
        Assert.Equal("LOCAL_PREF_ADJUST", (string)detail["inputs"]!["action"]!);
        Assert.Equal(350, (long)detail["inputs"]!["params"]!["localPref"]!);
        Assert.Equal("ISP-A", (string)detail["inputs"]!["params"]!["peer"]!);
        Assert.True((bool)detail["twin"]!["passed"]!);
        Assert.Equal("localPrefOutOfRange", (string)detail["violations"]![0]!["kind"]!);
        Assert.Equal("block", (string)detail["violations"]![0]!["effect"]!);
        Assert.Equal("T1", (string)detail["tier"]!["before"]!);
        Assert.Equal("LOW", (string)detail["risk"]!["level"]!);
        Assert.Equal("passive", (string)detail["autonomy"]!["phase"]!);
        Assert.Equal("BLOCKED", (string)detail["outcome"]!);
        Assert.Equal("default", (string)detail["policy"]!);
        Assert.True(AuditChain.Verify([AuditChain.Append(AuditHead.Genesis, record, At)]).Valid);
    }

    [Fact]
    public void An_override_is_recorded_with_enhanced_logging()
    {
        var decision = GovernanceDecider.Decide(Plans.CriticalDepeer(), Plans.Context(Plans.Autonomous()));
        var request = ApprovalRequest.Open(decision, "alice", "p0", At).Approve("bob", At.AddMinutes(1)).Request;
        var transition = request.Override("carol", At.AddMinutes(2), "ISP-A is leaking our table to the world", GovernancePolicy.Default.Approval.EmergencyOverride);
        var record = AuditRecords.Approval(request, transition);
        Assert.Equal(("carol", "override", "OVERRIDDEN"), (record.Actor, record.Kind, record.Decision));
        var detail = JsonNode.Parse(record.Detail)!.AsObject();
        Assert.True((bool)detail["enhancedLogging"]!);
        Assert.Equal(["alice"], detail["authors"]!.AsArray().Select(a => (string)a!).ToArray());
        Assert.Equal(["approve", "override"], detail["votes"]!.AsArray().Select(v => (string)v!["verdict"]!).ToArray());
        Assert.Equal("ISP-A is leaking our table to the world", (string)detail["votes"]![1]!["comment"]!);
        Assert.Equal("Overridden", (string)detail["outcome"]!);
        Assert.Equal("T3", (string)detail["tier"]!["after"]!);

        var opened = AuditRecords.Opened(ApprovalRequest.Open(decision, "alice", "p0", At));
        Assert.Equal(("alice", "approval", "OPENED"), (opened.Actor, opened.Kind, opened.Decision));
    }

    [Fact]
    public void Other_governance_events_have_records_too()
    {
        var kill = AuditRecords.Autonomy(AutonomyState.Initial.EngageKillSwitch("noc", At, "storm"), "noc");
        Assert.Equal(("kill-switch", "ENGAGED"), (kill.Kind, kill.Decision));

        var refused = GuardrailsReader.Reload("localPref: { max: x }", "PUT /guardrails", GovernancePolicy.Default);
        var policy = AuditRecords.Policy("admin", refused, GovernancePolicy.Default.Fingerprint);
        Assert.Equal(("policy", "REJECTED"), (policy.Kind, policy.Decision));
        Assert.Contains("PUT /guardrails:1:19: localPref.max: 'x' is not a whole number", policy.Detail, StringComparison.Ordinal);

        var step = AuditRecords.Step("execution", "act-1", "resolver/act-1", "APPLIED", new JsonObject { ["driver"] = "dry-run" });
        Assert.Equal("{\"driver\":\"dry-run\",\"outcome\":\"APPLIED\"}", step.Detail);
    }
}
