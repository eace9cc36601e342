namespace OrleansNetOps.Governance.Tiers;

/// <summary>Names and classes of <see cref="ViolationKind"/>.</summary>
public static class ViolationKinds
{
    /// <summary>The kinds that always block; configuration cannot relax them.</summary>
    public static IReadOnlyList<ViolationKind> HardLimits { get; } =
    [
        ViolationKind.UnknownAction, ViolationKind.InvalidInput, ViolationKind.TwinMissing, ViolationKind.TwinFailed,
        ViolationKind.LocalPrefOutOfRange, ViolationKind.MedOutOfRange, ViolationKind.ProtectedCommunityRemoved,
    ];

    /// <summary>The kinds whose effect <c>tiers.violations</c> chooses (escalate by default).</summary>
    public static IReadOnlyList<ViolationKind> Configurable { get; } =
    [
        ViolationKind.AsymmetricPaths, ViolationKind.SlaBreach, ViolationKind.UtilisationAboveFloor, ViolationKind.TwinWarnings,
        ViolationKind.CommunityReplace,
    ];

    /// <summary>Whether the kind is a hard limit.</summary>
    public static bool IsHardLimit(ViolationKind kind) => HardLimits.Contains(kind);

    /// <summary>The camelCase name used in YAML, JSON and audit records.</summary>
    public static string Name(ViolationKind kind)
    {
        var text = kind.ToString();
        return char.ToLowerInvariant(text[0]) + text[1..];
    }

    /// <summary>Parses a name case-insensitively.</summary>
    public static bool TryParse(string name, out ViolationKind kind)
    {
        foreach (var candidate in Enum.GetValues<ViolationKind>())
        {
            if (string.Equals(candidate.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
