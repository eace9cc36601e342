using System.Collections.Immutable;
using CsCheck;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Governance.Approvals;
using OrleansNetOps.Governance.Autonomy;
using OrleansNetOps.Governance.Decisions;
using OrleansNetOps.Governance.Guardrails;
using OrleansNetOps.Governance.RateLimits;
using OrleansNetOps.Governance.Tiers;

namespace OrleansNetOps.Governance.Tests.Properties;

/// <summary>Generated proposals, twin verdicts, policies and run-time states.</summary>
internal static class Generators
{
    public static readonly string[] People = ["alice", "bob", "carol", "dave", "erin", "agent:resolver"];

    public static readonly string[] Catalogue = Enum.GetValues<TwinAction>().Select(TwinActionNames.Name).ToArray();

    public static readonly Gen<string> ActionName = Gen.Frequency(
        (12, Gen.OneOf(Catalogue)),
        (1, Gen.OneOf("BOGUS", "local_pref_adjust", "")));

    public static readonly Gen<ActionParameters> Parameters = Gen.Select(
        Gen.OneOf<string?>("ISP-A", "ISP-B", null),
        Gen.OneOf<string?>("in", "out", null),
        Gen.Frequency((3, Gen.Long[0, 300]), (1, Gen.Long[-50, 400])).Nullable(0.5),
        Gen.Frequency((3, Gen.Long[0, 4_294_967_295]), (1, Gen.Long[-10, 4_294_967_400])).Nullable(0.7),
        Gen.OneOf<string?>(null, null, "65001:100", "65001:999", "65001:998", "no-export", "65001:999 65001:100", "65001:999,65001:998", "65001:998 65001:999"),
        Gen.OneOf<string?>("add", "remove", "replace", " Remove ", null),
        Gen.OneOf<string[]?>(null, ["198.51.100.0/24"], ["203.0.113.0/24", "8.8.8.0/24"], ["not-a-prefix"]),
        (peer, direction, localPref, med, community, mode, prefixes) => new ActionParameters
        {
            Peer = peer,
            Direction = direction,
            LocalPref = localPref,
            Med = med,
            Community = community,
            Mode = mode,
            Prefixes = prefixes is null ? null : [.. prefixes],
        });

    private static readonly Gen<ImmutableArray<string>> Findings =
        Gen.Int[0, 2].Select(n => Enumerable.Range(0, n).Select(i => $"finding {i}").ToImmutableArray());

    public static readonly Gen<TwinVerdict> Twin = Gen.Select(
        Gen.Frequency((4, Gen.Const(true)), (1, Gen.Const(false))),
        Gen.Frequency((20, Gen.Double[0, 1]), (1, Gen.Double[-0.2, 1.2])),
        Gen.Double[0, 1].Nullable(0.5),
        Findings, Findings, Findings,
        Gen.Select(Gen.Double[0, 1.2], Gen.Double[0, 1.2], (before, after) => new IspLoad("ISP-A", before, after)).Array[0, 2],
        Gen.OneOf<string[]?>(null, ["198.51.100.0/24"], ["203.0.113.0/24"]),
        (passed, prefixShare, trafficShare, warnings, asymmetric, breaches, loads, changed) => new TwinVerdict
        {
            Passed = passed,
            PrefixShare = prefixShare,
            TrafficShare = trafficShare,
            Errors = passed ? [] : ["blackhole: 198.51.100.0/24 has no path left on some router"],
            Warnings = warnings,
            Asymmetric = asymmetric,
            SlaBreaches = breaches,
            PerIsp = [.. loads],
            ChangedPrefixes = changed is null ? null : [.. changed],
        });

    public static readonly Gen<double> Confidence = Gen.Frequency(
        (20, Gen.Double[0, 1]),
        (1, Gen.OneOf(double.NaN, -0.1, 1.5)));

    public static readonly Gen<ProposedAction> Proposal = Gen.Select(
        ActionName, Parameters, Confidence, Twin.Null(0.1),
        Gen.OneOf(People), Gen.OneOf("edge", "route-reflector", "spine", "core"),
        Gen.OneOf<string?>(null, null, null, "public", "restricted", "secret"),
        Gen.OneOf<string?>(null, null, null, "none", "regulated", "critical_compliance", "gdpr"),
        (action, parameters, confidence, twin, requester, deviceClass, data, compliance) => new ProposedAction
        {
            ActionId = "act-1",
            Router = "R1",
            Action = action,
            Parameters = parameters,
            Confidence = confidence,
            Twin = twin,
            Requester = requester,
            DeviceClass = deviceClass,
            DataSensitivity = data,
            Compliance = compliance,
        });

    /// <summary>The shipped defaults and variations an operator might write.</summary>
    public static readonly Gen<GovernancePolicy> Policy = Gen.OneOf(
        GovernancePolicy.Default,
        Plans.Autonomous(),
        GovernancePolicy.Default with
        {
            Autonomy = GovernancePolicy.Default.Autonomy with { DefaultPhase = AutonomyPhase.Semi },
            Tiers = GovernancePolicy.Default.Tiers with
            {
                Violations = [new ViolationRule(ViolationKind.TwinWarnings, ViolationEffect.Block), new ViolationRule(ViolationKind.SlaBreach, ViolationEffect.Block)],
            },
        },
        Plans.Autonomous() with
        {
            Approval = GovernancePolicy.Default.Approval with { Critical = GovernancePolicy.Default.Approval.Critical with { Approvers = 3 } },
            Limits = GovernancePolicy.Default.Limits with { LocalPrefMin = 50, LocalPrefMax = 250, MedMax = 1000 },
        });

    public static readonly Gen<AutonomyState> Autonomy = Gen.Select(
        Gen.Frequency((4, Gen.Const(false)), (1, Gen.Const(true))),
        Gen.OneOf<AutonomyPhase?>(null, AutonomyPhase.Passive, AutonomyPhase.Semi, AutonomyPhase.Autonomous),
        (killSwitch, phase) => AutonomyState.Initial with { KillSwitch = killSwitch, KillSwitchBy = killSwitch ? "noc" : null, Phase = phase });

    public static readonly Gen<RateLimitState> RateLimits =
        Gen.Select(Gen.Int[0, 59_999], Gen.OneOf(Tier.T1, Tier.T2, Tier.T3), (ms, tier) => (ms, tier)).Array[0, 12]
            .Select(entries => new RateLimitState
            {
                Entries = [.. entries.OrderByDescending(e => e.ms).Select((e, i) => new RateLimitEntry(Plans.Noon.AddMilliseconds(-e.ms), e.tier, $"old-{i}"))],
            });

    public static readonly Gen<(ProposedAction Proposal, GovernanceContext Context)> Case = Gen.Select(
        Proposal, Policy, Autonomy, RateLimits,
        (proposal, policy, autonomy, rate) => (proposal, Plans.Context(policy, autonomy, rate)));

    /// <summary>One event of an approval history.</summary>
    public enum Step
    {
        Approve,
        Reject,
        Modify,
        Override,
        Timeout,
    }

    public static readonly Gen<(Step Step, string Person, int Seconds)> Event = Gen.Select(
        Gen.Frequency((8, Gen.Const(Step.Approve)), (1, Gen.Const(Step.Reject)), (2, Gen.Const(Step.Modify)), (1, Gen.Const(Step.Override)), (2, Gen.Const(Step.Timeout))),
        Gen.OneOf(People),
        Gen.Int[0, 20_000]);

    public static readonly Gen<(Step Step, string Person, int Seconds)[]> History = Event.Array[0, 12];

    /// <summary>
    /// The hard limits, written from SPEC §4 and the catalogue independently of the decider: what must block whatever
    /// the configuration.
    /// </summary>
    public static bool CrossesHardLimit(ProposedAction p, GovernancePolicy policy)
    {
        var parameters = p.Parameters;
        var limits = policy.Limits;
        var removes = parameters.Mode?.Trim().Equals("remove", StringComparison.OrdinalIgnoreCase) == true;
        var removedProtected = removes && parameters.Community is { } c
            && c.Split(' ', ',').Any(token => limits.ProtectedCommunities.Contains(token));
        return !Catalogue.Contains(p.Action)
            || double.IsNaN(p.Confidence) || p.Confidence is < 0 or > 1
            || (p.Twin is null && p.Action != "NO_ACTION")
            || (p.Twin is { } t && (!t.Passed || t.PrefixShare is < 0 or > 1))
            || parameters.LocalPref is { } lp && (lp < limits.LocalPrefMin || lp > limits.LocalPrefMax)
            || parameters.Med is { } med && (med < limits.MedMin || med > limits.MedMax)
            || removedProtected
            || p.DataSensitivity is "secret"
            || p.Compliance is "gdpr";
    }
}
