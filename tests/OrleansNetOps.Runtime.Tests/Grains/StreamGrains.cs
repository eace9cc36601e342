using System.Collections.Concurrent;
using OrleansNetOps.Runtime;

namespace OrleansNetOps.Runtime.Tests;

public sealed record RouteUpdate(int Producer, int Sequence);

public interface IRouteConsumerGrain : IGrainWithStringKey
{
    Task<int> CountAsync();
}

/// <summary>Implicitly subscribed to every "routes" stream with its key.</summary>
[ImplicitStreamSubscription("routes")]
public sealed class RouteConsumerGrain : Grain, IRouteConsumerGrain
{
    public static readonly ConcurrentDictionary<string, ConcurrentQueue<RouteUpdate>> Received = new();
    private readonly ConcurrencyProbe _probe = new();
    private int _count;

    public static int MaxInside { get; private set; }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = GetStreamProvider("Default").GetStream<RouteUpdate>(StreamId.Create("routes", this.GetPrimaryKeyString()));
        await stream.SubscribeAsync(async (update, token) =>
        {
            _probe.Enter();
            Received.GetOrAdd(this.GetPrimaryKeyString(), _ => new()).Enqueue(update);
            _count++;
            await Task.Yield();
            _probe.Leave();
            MaxInside = Math.Max(MaxInside, _probe.MaxInside);
        });
    }

    public Task<int> CountAsync() => Task.FromResult(_count);
}

public interface IExplicitSubscriberGrain : IGrainWithStringKey
{
    Task SubscribeAsync(string streamKey);

    Task<IReadOnlyList<string>> ReceivedAsync();
}

public sealed class ExplicitSubscriberGrain : Grain, IExplicitSubscriberGrain
{
    private readonly List<string> _received = [];

    public async Task SubscribeAsync(string streamKey)
    {
        var stream = GetStreamProvider("Default").GetStream<string>(StreamId.Create("alerts", streamKey));
        await stream.SubscribeAsync((item, _) =>
        {
            _received.Add(item);
            return Task.CompletedTask;
        });
    }

    public Task<IReadOnlyList<string>> ReceivedAsync() => Task.FromResult<IReadOnlyList<string>>([.. _received]);
}
