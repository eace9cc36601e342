using System.Diagnostics;

namespace OrleansNetOps.Runtime;

/// <summary>One unit of work for an activation: a method call, a timer tick, a stream delivery.</summary>
internal abstract class Request(CallChain? chain, long deadline)
{
    private static readonly Action<object?> s_execute = static state =>
    {
        var request = (Request)state!;
        _ = request.ExecuteAsync(request.Activation!);
    };

    public CallChain? Chain { get; } = chain;

    /// <summary>Stopwatch timestamp after which the caller stops waiting.</summary>
    public long Deadline { get; } = deadline;

    public GrainActivation? Activation { get; set; }

    public abstract bool IsCompleted { get; }

    public abstract string Description { get; }

    /// <summary>Whether this request may run while others of the same activation are in flight.</summary>
    public abstract bool Interleaves(GrainActivation activation);

    /// <summary>Whether the request counts as activity that keeps the activation from idle collection.</summary>
    public virtual bool KeepsAlive => true;

    /// <summary>Runs the request on the activation's scheduler; never throws.</summary>
    public abstract Task ExecuteAsync(GrainActivation activation);

    /// <summary>Fails the request towards its caller (timeout, activation failure).</summary>
    public abstract void Fail(Exception exception);

    public bool IsOverdue(long now) => now >= Deadline;

    public void Start(GrainActivation activation)
    {
        Activation = activation;
        Task.Factory.StartNew(s_execute, this, CancellationToken.None, TaskCreationOptions.DenyChildAttach, activation.Scheduler);
    }

    public GrainCallTimeoutException TimeoutException(GrainActivation activation, TimeSpan timeout) =>
        new($"{Description} on grain {activation.GrainId} got no response within {timeout.TotalSeconds:0.###} s " +
            $"({activation.DescribeLoad()}). The grain keeps running; a non-reentrant call cycle (A→B→A) ends this way unless " +
            "RequestContext.AllowCallChainReentrancy() is used or the grain is [Reentrant].");

    protected static long Now() => Stopwatch.GetTimestamp();
}
