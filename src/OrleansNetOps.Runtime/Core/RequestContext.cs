namespace OrleansNetOps.Runtime;

/// <summary>
/// Ambient context that flows along a call chain, across grain calls.
/// </summary>
public static class RequestContext
{
    private static readonly AsyncLocal<CallChain?> s_current = new();

    internal static CallChain? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    /// <summary>
    /// While the returned scope is open, calls issued from the current grain may call back into it
    /// (A→B→A) without waiting for the request in progress to finish. Outside such a scope such a cycle
    /// into a non-reentrant grain waits and then fails with <see cref="GrainCallTimeoutException"/>.
    /// </summary>
    public static IDisposable AllowCallChainReentrancy()
    {
        var previous = s_current.Value;
        var activation = GrainActivation.Current
            ?? throw new InvalidOperationException("AllowCallChainReentrancy can only be used inside a grain.");
        s_current.Value = (previous ?? CallChain.New()).AllowingReentryInto(activation.GrainId);
        return new Scope(previous);
    }

    private sealed class Scope(CallChain? previous) : IDisposable
    {
        public void Dispose() => s_current.Value = previous;
    }
}
