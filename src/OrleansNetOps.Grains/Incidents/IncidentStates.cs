namespace OrleansNetOps.Grains.Incidents;

/// <summary>The lifecycle states of an incident, as the API names them.</summary>
public static class IncidentStates
{
    /// <summary>Opened from findings; nobody has taken it on.</summary>
    public const string Open = "open";

    /// <summary>An operator took it on.</summary>
    public const string Acknowledged = "acknowledged";

    /// <summary>Its action is running.</summary>
    public const string Mitigating = "mitigating";

    /// <summary>Its action completed and its findings stopped.</summary>
    public const string Resolved = "resolved";

    /// <summary>Done: resolved long enough ago, or merged into another incident.</summary>
    public const string Closed = "closed";

    /// <summary>Every state, in lifecycle order.</summary>
    public static IReadOnlyList<string> All { get; } = [Open, Acknowledged, Mitigating, Resolved, Closed];
}
