namespace OrleansNetOps.Governance.Autonomy;

/// <summary>
/// Where a phase applies: a coordinator domain, a device class (a router role of <c>topology.yaml</c>: edge,
/// route-reflector, spine, core) and an action category of <c>autonomy.categories</c>. In rules any part may be
/// <c>*</c>; the scope of an action names all three.
/// </summary>
/// <param name="Domain">Coordinator domain, or <c>*</c>.</param>
/// <param name="DeviceClass">Router role, or <c>*</c>.</param>
/// <param name="Category">Action category, or <c>*</c>.</param>
public sealed record AutonomyScope(string Domain, string DeviceClass, string Category)
{
    /// <summary>Matches anything.</summary>
    public const string Any = "*";

    /// <summary>The scope that covers everything.</summary>
    public static AutonomyScope Everything { get; } = new(Any, Any, Any);

    /// <summary>How many parts are not wildcards (a more specific rule wins).</summary>
    public int Specificity => (Domain == Any ? 0 : 1) + (DeviceClass == Any ? 0 : 1) + (Category == Any ? 0 : 1);

    /// <summary>Whether this (rule) scope covers <paramref name="other"/>: each part is a wildcard or equal (case-insensitive).</summary>
    public bool Covers(AutonomyScope other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Part(Domain, other.Domain) && Part(DeviceClass, other.DeviceClass) && Part(Category, other.Category);
    }

    /// <summary>Whether two scopes name the same parts (case-insensitive).</summary>
    public bool SameAs(AutonomyScope other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(Domain, other.Domain, StringComparison.OrdinalIgnoreCase)
            && string.Equals(DeviceClass, other.DeviceClass, StringComparison.OrdinalIgnoreCase)
            && string.Equals(Category, other.Category, StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Domain}/{DeviceClass}/{Category}";

    private static bool Part(string rule, string value) => rule == Any || string.Equals(rule, value, StringComparison.OrdinalIgnoreCase);
}
