using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Governance.Autonomy;
using OrleansNetOps.Governance.Decisions;
using OrleansNetOps.Governance.Guardrails;
using OrleansNetOps.Governance.RateLimits;

namespace OrleansNetOps.Governance.Tests;

/// <summary>Proposals and contexts the example tests start from.</summary>
internal static class Plans
{
    public static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public static TwinVerdict Passed(double prefixShare, double? trafficShare = null) => new()
    {
        Passed = true,
        PrefixShare = prefixShare,
        TrafficShare = trafficShare,
        Routers = ["R1"],
        ChangedPrefixes = ["198.51.100.0/24"],
    };

    public static ProposedAction LocalPref(double blast = 0.05, double confidence = 0.9, long localPref = 200, string requester = "agent:resolver") => new()
    {
        ActionId = "act-1",
        Router = "R1",
        Action = "LOCAL_PREF_ADJUST",
        Parameters = new ActionParameters { Peer = "ISP-A", Direction = "in", LocalPref = localPref },
        Confidence = confidence,
        Twin = Passed(blast),
        Requester = requester,
        DeviceClass = "edge",
    };

    /// <summary>DEPEER touching restricted data: irreversible 5 + external 5 + restricted 5 + audit_logged 1 = 16, CRITICAL.</summary>
    public static ProposedAction CriticalDepeer(string requester = "alice") => new()
    {
        ActionId = "act-9",
        Router = "R1",
        Action = "DEPEER",
        Parameters = new ActionParameters { Peer = "ISP-A" },
        Confidence = 0.95,
        Twin = Passed(0.02),
        Requester = requester,
        DeviceClass = "edge",
        DataSensitivity = "restricted",
    };

    public static GovernancePolicy Autonomous(GovernancePolicy? policy = null)
    {
        var p = policy ?? GovernancePolicy.Default;
        return p with { Autonomy = p.Autonomy with { DefaultPhase = AutonomyPhase.Autonomous } };
    }

    public static GovernanceContext Context(GovernancePolicy? policy = null, AutonomyState? autonomy = null, RateLimitState? rate = null, DateTimeOffset? now = null) =>
        new(policy ?? GovernancePolicy.Default, autonomy ?? AutonomyState.Initial, rate ?? RateLimitState.Empty, now ?? Noon);
}
