namespace OrleansNetOps.Silo.Hosting;

/// <summary>
/// Why the silo has not joined its cluster yet, for readiness. Null once the start is under way (or at once when
/// nothing needs waiting for, as with in-memory storage).
/// </summary>
internal sealed class SiloStartProgress
{
    private volatile string? _waiting;

    /// <summary>What the silo waits for before it joins; null when it does not wait.</summary>
    public string? Waiting => _waiting;

    /// <summary>Records what the start waits for.</summary>
    public void WaitingFor(string reason) => _waiting = reason;

    /// <summary>The wait is over.</summary>
    public void Proceeding() => _waiting = null;
}
