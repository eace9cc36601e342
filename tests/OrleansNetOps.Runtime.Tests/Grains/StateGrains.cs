using OrleansNetOps.Runtime;

namespace OrleansNetOps.Runtime.Tests;

public sealed class PeerCounters
{
    public int Flaps { get; set; }

    public List<string> Reasons { get; set; } = [];
}

public interface IStatefulGrain : IGrainWithStringKey
{
    Task RecordFlapAsync(string reason, bool write);

    Task<(int Flaps, IReadOnlyList<string> Reasons, string? ETag, Guid Instance)> GetAsync();

    Task DeactivateAsync();
}

public sealed class StatefulGrain([PersistentState("counters")] IPersistentState<PeerCounters> counters) : Grain, IStatefulGrain
{
    private readonly Guid _instance = Guid.NewGuid();

    public static int Deactivations;

    public async Task RecordFlapAsync(string reason, bool write)
    {
        counters.State.Flaps++;
        counters.State.Reasons.Add(reason);
        if (write)
        {
            await counters.WriteStateAsync();
        }
    }

    public Task<(int Flaps, IReadOnlyList<string> Reasons, string? ETag, Guid Instance)> GetAsync() =>
        Task.FromResult((counters.State.Flaps, (IReadOnlyList<string>)counters.State.Reasons.ToList(), counters.ETag, _instance));

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Deactivations);
        // Flush on the way out, as a graceful shutdown must.
        await counters.WriteStateAsync(cancellationToken);
    }
}

public interface IFailingActivationGrain : IGrainWithStringKey
{
    Task<string> PingAsync();
}

public sealed class FailingActivationGrain : Grain, IFailingActivationGrain
{
    public static volatile bool Fail = true;

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        Fail ? throw new InvalidOperationException("BMP session store unavailable") : Task.CompletedTask;

    public Task<string> PingAsync() => Task.FromResult("up");
}
