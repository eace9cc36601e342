namespace OrleansNetOps.Grains.Coordination;

/// <summary>Where a guardrails change comes from; it decides what happens to a text the cluster has seen before.</summary>
public enum GuardrailsOrigin
{
    /// <summary><c>PUT /api/v1/guardrails</c>: applied when it differs from the policy in force.</summary>
    Api,

    /// <summary>The watched file changed on disk: applied when it differs from the policy in force.</summary>
    FileEdit,

    /// <summary>
    /// The file a silo started with. Applied only when no silo has offered this text from a file before: a silo
    /// restarted with a file the cluster already took (and has since changed, e.g. by a PUT) does not undo the change.
    /// </summary>
    FileAtStart,
}
