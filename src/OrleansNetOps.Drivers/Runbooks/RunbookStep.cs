namespace OrleansNetOps.Drivers.Runbooks;

/// <summary>One step of a runbook: a script or an HTTP call, its templates filled from the incident's fields.</summary>
public abstract record RunbookStep
{
    private protected RunbookStep()
    {
    }

    /// <summary>How long the step may take before it is killed (script) or cancelled (HTTP) and counted as failed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>When set (a template), the step succeeds only if its output (stdout, or the response body) contains it.</summary>
    public string? ExpectOutput { get; init; }
}
