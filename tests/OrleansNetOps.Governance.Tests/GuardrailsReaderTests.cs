using System.Text.Json;
using OrleansNetOps.Configuration;
using OrleansNetOps.Governance.Approvals;
using OrleansNetOps.Governance.Autonomy;
using OrleansNetOps.Governance.Guardrails;
using OrleansNetOps.Governance.Tiers;

namespace OrleansNetOps.Governance.Tests;

public sealed class GuardrailsReaderTests
{
    private static ConfigException Fails(string yaml, string source = "g.yaml") =>
        Assert.Throws<ConfigException>(() => GuardrailsReader.Parse(yaml, source));

    private static string Json(GovernancePolicy policy) => JsonSerializer.Serialize(policy with { Fingerprint = string.Empty });

    [Fact]
    public void The_shipped_file_is_exactly_the_spec_defaults()
    {
        var text = File.ReadAllText(Repository.SiloConfig("guardrails.yaml"));
        var policy = GuardrailsReader.Parse(text, "guardrails.yaml");
        Assert.Equal(Json(GovernancePolicy.Default), Json(policy));
        Assert.Equal(64, policy.Fingerprint.Length);
    }

    [Fact]
    public void The_shipped_file_holds_the_spec_numbers()
    {
        var policy = GuardrailsReader.Parse(File.ReadAllText(Repository.SiloConfig("guardrails.yaml")), "guardrails.yaml");
        Assert.Equal((0, 300), (policy.Limits.LocalPrefMin, policy.Limits.LocalPrefMax));
        Assert.Equal(4294967295, policy.Limits.MedMax);
        Assert.Equal(["65001:999", "65001:998"], policy.Limits.ProtectedCommunities.ToArray());
        Assert.Equal(new TierBounds(0.25, 0.80), policy.Tiers.T1);
        Assert.Equal(new TierBounds(0.65, 0.60), policy.Tiers.T2);
        Assert.Equal(["FULL_REROUTE", "DEPEER"], policy.Tiers.AlwaysT3.ToArray());
        Assert.Equal((TimeSpan.FromMinutes(1), 10, 6, 3), (policy.RateLimits.Window, policy.RateLimits.Overall, policy.RateLimits.T1, policy.RateLimits.T2));
        Assert.Equal(new ApprovalRule(1, TimeSpan.FromSeconds(300), TimeoutOutcome.Approve), policy.Approval.T2);
        Assert.Equal(new ApprovalRule(1, TimeSpan.FromHours(4), TimeoutOutcome.Escalate, true), policy.Approval.High);
        Assert.Equal(2, policy.Approval.Critical.Approvers);
        Assert.Equal(TimeSpan.FromHours(8), policy.Approval.Critical.Timeout);
        Assert.Equal((30, 0.5, 85, 0.6, 0.85), (policy.Floors.LatencyMs, policy.Floors.LossPct, policy.Floors.UtilisationPct, policy.Floors.AnomalyHigh, policy.Floors.AnomalyCritical));
        Assert.Equal((1.5, 3, 80, 2), (policy.Verification.LatencyRatio, policy.Verification.LossRatio, policy.Verification.MaxLatencyMs, policy.Verification.MaxLossPct));
        Assert.Equal((0.1, 3), (policy.Verification.LossRatioMinPct, policy.Verification.MinSamples));
        Assert.Equal((TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)), (policy.Verification.Before, policy.Verification.Settle, policy.Verification.After));
        Assert.Equal(AutonomyPhase.Passive, policy.Autonomy.DefaultPhase);
    }

    [Fact]
    public void An_empty_document_is_the_defaults_and_a_version_1_file_still_reads()
    {
        Assert.Equal(Json(GovernancePolicy.Default), Json(GuardrailsReader.Parse(string.Empty, "empty.yaml")));
        var v1 = "localPref:\n  min: 10\n  max: 250\nprotectedCommunities: [\"65001:999\"]\nsla:\n  latencyMs: 40\n  lossPct: 1\n  failLossPct: 4\n";
        var policy = GuardrailsReader.Parse(v1, "v1.yaml");
        Assert.Equal((10, 250), (policy.Limits.LocalPrefMin, policy.Limits.LocalPrefMax));
        Assert.Equal(["65001:999"], policy.Limits.ProtectedCommunities.ToArray());
        Assert.Equal(4, policy.Sla.FailLossPct);
        Assert.Equal(Json(GovernancePolicy.Default with { Limits = policy.Limits, Sla = policy.Sla }), Json(policy));
    }

    [Fact]
    public void The_twin_gets_its_guardrails_from_the_v2_document()
    {
        var policy = GuardrailsReader.Parse("localPref: { min: 5, max: 250 }\nmed: { max: 1000 }\nprotectedCommunities: [no-export]\nsla: { latencyMs: 45, lossPct: 0.5, failLossPct: 3 }\n", "g.yaml");
        var twin = policy.ToTwinGuardrails();
        Assert.Equal((5u, 250u, 0u, 1000u), (twin.LocalPrefMin, twin.LocalPrefMax, twin.MedMin, twin.MedMax));
        Assert.Equal(["65535:65281"], twin.ProtectedCommunities.ToArray());
        Assert.Equal((45, 0.5, 3), (twin.SlaLatencyMs, twin.SlaLossPct, twin.FailLossPct));
        Assert.Equal(OrleansNetOps.Twin.Guardrails.TwinGuardrails.Default, GovernancePolicy.Default.ToTwinGuardrails() with { ProtectedCommunities = OrleansNetOps.Twin.Guardrails.TwinGuardrails.Default.ProtectedCommunities });
        Assert.Equal(OrleansNetOps.Twin.Guardrails.TwinGuardrails.Default.ProtectedCommunities.ToArray(), GovernancePolicy.Default.ToTwinGuardrails().ProtectedCommunities.ToArray());
    }

    [Fact]
    public void Verification_thresholds_are_read_and_checked_with_their_positions()
    {
        var policy = GuardrailsReader.Parse("verification:\n  latencyRatio: 2\n  maxLatencyMs: 120\n  minSamples: 5\n  before: 90s\n  settle: 0s\n  after: 1m\n", "g.yaml");
        Assert.Equal((2, 3, 120, 2, 5), (policy.Verification.LatencyRatio, policy.Verification.LossRatio, policy.Verification.MaxLatencyMs, policy.Verification.MaxLossPct, policy.Verification.MinSamples));
        Assert.Equal((TimeSpan.FromSeconds(90), TimeSpan.Zero, TimeSpan.FromMinutes(1)), (policy.Verification.Before, policy.Verification.Settle, policy.Verification.After));

        var yaml = """
            verification:
              latencyRatio: 0.5
              lossRatioMinPct: 3
              maxLossPct: 2
              minSamples: 0
              window: 5m
              after: 0s
            """;
        var errors = Fails(yaml).Errors.Select(e => e.ToString()).ToList();
        Assert.Equal(
        [
            "g.yaml:2:17: verification.latencyRatio: 0.5 is out of range (1..1000)",
            "g.yaml:3:20: verification.lossRatioMinPct: 3 must not be above maxLossPct 2",
            "g.yaml:5:15: verification.minSamples: 0 is out of range (1..10000)",
            "g.yaml:6:3: verification.window: unknown field; expected one of latencyRatio, lossRatio, maxLatencyMs, maxLossPct, lossRatioMinPct, minSamples, before, settle, after",
            "g.yaml:7:10: verification.after: 0s is out of range (1s..1d)",
        ], errors.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Errors_name_file_line_column_and_field()
    {
        var yaml = """
            localPref:
              min: 10
              max: 5
            protectedCommunities: ["65001:999", "bogus"]
            tiers:
              T1: { maxBlast: 0.7, minConfidence: 0.8 }
              alwaysT3: [DEPEER]
              violations:
                twinFailed: escalate
                slaBreach: maybe
            rateLimits:
              window: soon
              overall: 0
            colour: red
            """;
        var errors = Fails(yaml).Errors;
        Assert.Contains(errors, e => e.ToString() == "g.yaml:3:8: localPref.max: 5 is below min 10");
        Assert.Contains(errors, e => e.Location == "g.yaml:4:37" && e.Path == "protectedCommunities[1]");
        Assert.Contains(errors, e => e.Location == "g.yaml:6:7" && e.Path == "tiers.T1.maxBlast" && e.Message.Contains("above T2's maxBlast 0.65", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Location == "g.yaml:7:13" && e.Path == "tiers.alwaysT3" && e.Message.StartsWith("FULL_REROUTE is always T3", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Location == "g.yaml:9:5" && e.Path == "tiers.violations.twinFailed" && e.Message.Contains("hard limit", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Location == "g.yaml:10:16" && e.Path == "tiers.violations.slaBreach" && e.Message == "'maybe' is not one of escalate, block");
        Assert.Contains(errors, e => e.Location == "g.yaml:12:11" && e.Path == "rateLimits.window" && e.Message.StartsWith("'soon' is not a duration", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Location == "g.yaml:13:12" && e.Path == "rateLimits.overall");
        Assert.Contains(errors, e => e.Location == "g.yaml:14:1" && e.Path == "colour" && e.Message.StartsWith("unknown field", StringComparison.Ordinal));
        Assert.Equal(9, errors.Count);
    }

    [Fact]
    public void Approval_rules_that_would_weaken_governance_are_refused_with_positions()
    {
        var yaml = """
            approval:
              tiers:
                T3: { onTimeout: approve }
              risk:
                HIGH: { approvers: 0 }
                CRITICAL: { approvers: 1, timeout: 8h, onTimeout: approve }
              emergencyOverride: { enabled: maybe }
            """;
        var errors = Fails(yaml).Errors;
        Assert.Contains(errors, e => e.Location == "g.yaml:3:22" && e.Path == "approval.tiers.T3.onTimeout" && e.Message.Contains("T3 is manual", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Location == "g.yaml:5:24" && e.Path == "approval.risk.HIGH.approvers");
        Assert.Contains(errors, e => e.Location == "g.yaml:6:28" && e.Path == "approval.risk.CRITICAL.approvers" && e.Message.Contains("several distinct approvers", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Location == "g.yaml:6:55" && e.Path == "approval.risk.CRITICAL.onTimeout");
        Assert.Contains(errors, e => e.Location == "g.yaml:7:33" && e.Path == "approval.emergencyOverride.enabled");
        Assert.Equal(5, errors.Count);
    }

    [Fact]
    public void Autonomy_errors_name_what_and_where()
    {
        var yaml = """
            autonomy:
              default: reckless
              phases:
                passive: { T1: auto }
                autonomous: { T3: timeout }
              categories:
                path-preference: [LOCAL_PREF_ADJUST, MED_ADJUST, AS_PATH_PREPEND, COMMUNITY_TAG, MED_ADJUST]
                everything-else: [NEXT_HOP_CHANGE, PEER_ACTIVATE, PEER_DEACTIVATE, DEPEER, PREFIX_FILTER, ISP_FAILOVER, TELEPORT]
              scopes:
                - { domain: "*", deviceClass: toaster, category: path-preference, phase: semi }
                - { deviceClass: edge, category: failover, phase: autonomous }
                - { deviceClass: edge }
              demotion: { minSamples: 60, window: 50 }
            """;
        var errors = Fails(yaml).Errors;
        Assert.Contains(errors, e => e.Location == "g.yaml:2:12" && e.Path == "autonomy.default" && e.Message == "'reckless' is not one of passive, semi, autonomous");
        Assert.Contains(errors, e => e.Location == "g.yaml:4:20" && e.Path == "autonomy.phases.passive.T1");
        Assert.Contains(errors, e => e.Location == "g.yaml:5:23" && e.Path == "autonomy.phases.autonomous.T3");
        Assert.Contains(errors, e => e.Location == "g.yaml:7:86" && e.Path == "autonomy.categories.path-preference[4]" && e.Message.Contains("already in category 'path-preference'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Location == "g.yaml:8:109" && e.Path == "autonomy.categories.everything-else[6]" && e.Message.StartsWith("'TELEPORT' is not a catalogue action", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Location == "g.yaml:7:5" && e.Path == "autonomy.categories" && e.Message.EndsWith("missing FULL_REROUTE, NO_ACTION", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Location == "g.yaml:10:35" && e.Path == "autonomy.scopes[0].deviceClass");
        Assert.Contains(errors, e => e.Location == "g.yaml:11:38" && e.Path == "autonomy.scopes[1].category" && e.Message.StartsWith("'failover' is not '*' or a category", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Location == "g.yaml:12:7" && e.Path == "autonomy.scopes[2].phase");
        Assert.Contains(errors, e => e.Location == "g.yaml:13:27" && e.Path == "autonomy.demotion.minSamples");
        Assert.Equal(10, errors.Count);
    }

    [Fact]
    public void Risk_matrix_errors_name_what_and_where()
    {
        var yaml = """
            risk:
              levels: { low: 8, medium: 7 }
              reversibility:
                points: { easy: 0, hard: 5 }
                default: easy
              scope:
                bands:
                  - { name: small, upTo: 0.5, points: 0 }
                  - { name: external, upTo: 0.4, points: 1 }
              dataSensitivity:
                default: secret
              prefixes:
                - { prefix: 203.0.113.0/33, compliance: regulated }
                - { prefix: 198.51.100.0/24, dataSensitivity: gossip }
            """;
        var errors = Fails(yaml).Errors;
        Assert.Contains(errors, e => e.Location == "g.yaml:2:29" && e.Path == "risk.levels.medium" && e.Message == "7 is below low 8");
        Assert.Contains(errors, e => e.Location == "g.yaml:4:13" && e.Path == "risk.reversibility.actions" && e.Message.StartsWith("the points do not define the default level of AS_PATH_PREPEND (fully_reversible), COMMUNITY_TAG", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Location == "g.yaml:9:17" && e.Path == "risk.scope.bands[1].name");
        Assert.Contains(errors, e => e.Location == "g.yaml:9:33" && e.Path == "risk.scope.bands[1].upTo" && e.Message == "0.4 must be above the previous band's 0.5");
        Assert.Contains(errors, e => e.Location == "g.yaml:8:7" && e.Path == "risk.scope.bands" && e.Message.StartsWith("the last band must reach upTo: 1", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Location == "g.yaml:11:14" && e.Path == "risk.dataSensitivity.default");
        Assert.Contains(errors, e => e.Location == "g.yaml:13:17" && e.Path == "risk.prefixes[0].prefix");
        Assert.Contains(errors, e => e.Location == "g.yaml:14:51" && e.Path == "risk.prefixes[1].dataSensitivity");
        Assert.Equal(8, errors.Count);
    }

    [Fact]
    public void A_json_body_of_the_same_shape_reads_the_same_way_with_positions_in_the_json()
    {
        var json = "{\n\t\"localPref\": {\"min\": 0, \"max\": 250},\n\t\"rateLimits\": {\"window\": \"30s\", \"T2\": 2},\n\t\"autonomy\": {\"default\": \"semi\"}\n}";
        var policy = GuardrailsReader.Parse(json, "request body");
        Assert.Equal(250, policy.Limits.LocalPrefMax);
        Assert.Equal((TimeSpan.FromSeconds(30), 2), (policy.RateLimits.Window, policy.RateLimits.T2));
        Assert.Equal(AutonomyPhase.Semi, policy.Autonomy.DefaultPhase);

        var bad = "{\n\t\"localPref\": {\"min\": 0, \"max\": \"lots\"},\n\t\"tiers\": {\"T2\": {\"minConfidence\": 1.5}}\n}";
        var errors = Fails(bad, "request body").Errors;
        Assert.Contains(errors, e => e.ToString() == "request body:2:33: localPref.max: 'lots' is not a whole number");
        Assert.Contains(errors, e => e.Location == "request body:3:36" && e.Path == "tiers.T2.minConfidence");

        var broken = Fails("{\"localPref\": {\"min\": 0 \"max\": 3}}", "request body");
        Assert.Equal("request body:1:30: YAML syntax error: While parsing a flow mapping, did not find expected ',' or '}'.", Assert.Single(broken.Errors).ToString());
        Assert.StartsWith("YAML syntax error", broken.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reload_keeps_the_old_policy_and_returns_every_error_when_the_new_text_is_bad()
    {
        var current = GuardrailsReader.Parse("localPref: { max: 250 }", "g.yaml");
        var refused = GuardrailsReader.Reload("localPref: { max: -1 }\nrateLimits: { T1: x }\n", "g.yaml", current);
        Assert.False(refused.Accepted);
        Assert.Same(current, refused.Policy);
        Assert.Equal(["g.yaml:1:19: localPref.max: -1 is out of range (0..4294967295)", "g.yaml:2:19: rateLimits.T1: 'x' is not a whole number"],
            refused.Errors.Select(e => e.ToString()));

        var accepted = GuardrailsReader.Reload("localPref: { max: 200 }", "g.yaml", current);
        Assert.True(accepted.Accepted);
        Assert.Empty(accepted.Errors);
        Assert.Equal(200, accepted.Policy.Limits.LocalPrefMax);
        Assert.NotEqual(current.Fingerprint, accepted.Policy.Fingerprint);
    }

    [Fact]
    public void Durations_take_units()
    {
        var policy = GuardrailsReader.Parse("approval:\n  tiers:\n    T2: { timeout: 5m }\n    T3: { timeout: 1d }\n  risk:\n    HIGH: { timeout: 90 }\nrateLimits: { window: 1500ms }\n", "g.yaml");
        Assert.Equal(TimeSpan.FromMinutes(5), policy.Approval.T2.Timeout);
        Assert.Equal(TimeSpan.FromDays(1), policy.Approval.T3.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(90), policy.Approval.High.Timeout);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), policy.RateLimits.Window);
    }

    [Fact]
    public void A_scope_and_a_prefix_classification_are_read()
    {
        var yaml = """
            risk:
              prefixes:
                - { prefix: 203.0.113.0/24, dataSensitivity: confidential, compliance: regulated }
            autonomy:
              scopes:
                - { domain: "*", deviceClass: edge, category: path-preference, phase: semi }
            """;
        var policy = GuardrailsReader.Parse(yaml, "g.yaml");
        Assert.Equal(new OrleansNetOps.Governance.Risk.PrefixClassification("203.0.113.0/24", "confidential", "regulated"), Assert.Single(policy.Risk.Prefixes));
        Assert.Equal(new ScopeRule(new AutonomyScope("*", "edge", "path-preference"), AutonomyPhase.Semi), Assert.Single(policy.Autonomy.Scopes));
    }
}
