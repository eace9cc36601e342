using System.Globalization;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Governance.Guardrails;
using OrleansNetOps.Governance.Tiers;

namespace OrleansNetOps.Governance.Decisions;

/// <summary>
/// Finds what is wrong with a proposal. The attribute limits are checked here as well as in the twin so that a plan
/// whose twin result was produced under other guardrails (or forged) still cannot cross them.
/// </summary>
internal static class ViolationFinder
{
    private const int Quoted = 5;

    public static List<Violation> Find(ProposedAction action, GovernancePolicy policy)
    {
        var found = new List<Violation>();
        void Add(ViolationKind kind, string message) => found.Add(new Violation(kind, policy.Tiers.EffectOf(kind), message));

        Input(action, policy, Add);
        var known = TwinActionNames.TryParse(action.Action, out var catalogue);
        if (!known && !action.IsRunbook)
        {
            Add(ViolationKind.UnknownAction, $"'{action.Action}' is not a catalogue action");
        }

        var limits = policy.Limits;
        var p = action.Parameters ?? new ActionParameters();
        if (p.LocalPref is { } lp && (lp < limits.LocalPrefMin || lp > limits.LocalPrefMax))
        {
            Add(ViolationKind.LocalPrefOutOfRange, $"localPref {lp} is outside {limits.LocalPrefMin}..{limits.LocalPrefMax}");
        }

        if (p.Med is { } med && (med < limits.MedMin || med > limits.MedMax))
        {
            Add(ViolationKind.MedOutOfRange, $"med {med} is outside {limits.MedMin}..{limits.MedMax}");
        }

        Communities(p, limits, Add);

        var twin = action.Twin;
        if (twin is null)
        {
            // A runbook changes no routing: there is nothing for the twin to prove, and its tier is declared instead.
            if (!action.IsRunbook && (!known || catalogue != TwinAction.NoAction))
            {
                Add(ViolationKind.TwinMissing, "the change was not proven on the twin");
            }

            return found;
        }

        if (!twin.Passed)
        {
            Add(ViolationKind.TwinFailed, $"the twin's what-if failed: {Quote(twin.Errors)}");
            return found;
        }

        if (twin.Asymmetric.Length > 0)
        {
            Add(ViolationKind.AsymmetricPaths, $"{twin.Asymmetric.Length} asymmetric path(s): {Quote(twin.Asymmetric)}");
        }

        if (twin.SlaBreaches.Length > 0)
        {
            Add(ViolationKind.SlaBreach, $"predicted SLA breach: {Quote(twin.SlaBreaches)}");
        }

        var floor = policy.Floors.UtilisationPct / 100;
        var hot = twin.PerIsp.Where(i => i.UtilisationAfter > i.UtilisationBefore && i.UtilisationAfter > floor).ToList();
        if (hot.Count > 0)
        {
            Add(ViolationKind.UtilisationAboveFloor, string.Join("; ", hot.Select(i =>
                $"{i.Isp} utilisation {Pct(i.UtilisationBefore)} % → {Pct(i.UtilisationAfter)} % (floor {Pct(floor)} %)")));
        }

        if (twin.Warnings.Length > 0)
        {
            Add(ViolationKind.TwinWarnings, Quote(twin.Warnings));
        }

        return found;
    }

    private static void Input(ProposedAction action, GovernancePolicy policy, Action<ViolationKind, string> add)
    {
        if (string.IsNullOrWhiteSpace(action.ActionId))
        {
            add(ViolationKind.InvalidInput, "the action has no id");
        }

        if (string.IsNullOrWhiteSpace(action.Router))
        {
            add(ViolationKind.InvalidInput, "the action names no router");
        }

        if (string.IsNullOrWhiteSpace(action.Requester))
        {
            add(ViolationKind.InvalidInput, "the action names no requester");
        }

        if (double.IsNaN(action.Confidence) || action.Confidence < 0 || action.Confidence > 1)
        {
            add(ViolationKind.InvalidInput, $"confidence {action.Confidence.ToString(CultureInfo.InvariantCulture)} is outside 0..1");
        }

        if (action.Twin is { } twin && (!double.IsFinite(twin.PrefixShare) || twin.PrefixShare is < 0 or > 1
            || twin.TrafficShare is { } t && (!double.IsFinite(t) || t is < 0 or > 1)))
        {
            add(ViolationKind.InvalidInput, "the twin's blast radius is outside 0..1");
        }

        if (action.DataSensitivity is { } data && !policy.Risk.DataSensitivity.Points.ContainsKey(data))
        {
            add(ViolationKind.InvalidInput, $"data sensitivity '{data}' is not one of {string.Join(", ", policy.Risk.DataSensitivity.Points.Keys.Order(StringComparer.Ordinal))}");
        }

        if (action.Compliance is { } compliance && !policy.Risk.Compliance.Points.ContainsKey(compliance))
        {
            add(ViolationKind.InvalidInput, $"compliance '{compliance}' is not one of {string.Join(", ", policy.Risk.Compliance.Points.Keys.Order(StringComparer.Ordinal))}");
        }
    }

    private static void Communities(ActionParameters p, RouteLimits limits, Action<ViolationKind, string> add)
    {
        if (p.Community is not { } text)
        {
            return;
        }

        var named = text.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(token => CommunityText.TryParse(token, out var community) ? community.ToString() : token)
            .ToHashSet(StringComparer.Ordinal);
        var mode = p.Mode?.Trim().ToLowerInvariant();
        if (mode == "remove")
        {
            foreach (var community in limits.ProtectedCommunities.Where(named.Contains))
            {
                add(ViolationKind.ProtectedCommunityRemoved, $"{community} is protected and may not be removed");
            }
        }
        else if (mode == "replace")
        {
            var dropped = limits.ProtectedCommunities.Where(c => !named.Contains(c)).ToList();
            if (dropped.Count > 0)
            {
                add(ViolationKind.CommunityReplace, $"replacing communities with '{text}' drops protected {string.Join(", ", dropped)} from routes that carry them");
            }
        }
    }

    private static string Quote(IReadOnlyList<string> items) =>
        items.Count == 0 ? "(no detail)"
        : items.Count <= Quoted ? string.Join("; ", items)
        : $"{string.Join("; ", items.Take(Quoted))}; and {items.Count - Quoted} more";

    private static string Pct(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture);
}
