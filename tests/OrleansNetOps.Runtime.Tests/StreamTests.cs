using System.Collections.Concurrent;
using OrleansNetOps.Runtime;

namespace OrleansNetOps.Runtime.Tests;

public sealed class StreamTests
{
    [Fact]
    public async Task Per_stream_order_holds_under_16_concurrent_producers()
    {
        await using var silo = await TestSilo.StartAsync(streamCapacity: 64);
        var stream = Provider(silo).GetStream<RouteUpdate>(StreamId.Create("ordered", "R1"));
        var received = new ConcurrentQueue<(RouteUpdate Update, long Sequence)>();
        await stream.SubscribeAsync((update, token) =>
        {
            received.Enqueue((update, token.SequenceNumber));
            return Task.CompletedTask;
        });

        const int producers = 16, perProducer = 500;
        await Task.WhenAll(Enumerable.Range(0, producers).Select(p => Task.Run(async () =>
        {
            for (var i = 0; i < perProducer; i++)
            {
                await stream.OnNextAsync(new RouteUpdate(p, i));
            }
        })));

        await LifecycleAndStateTests.WaitUntil(() => received.Count == producers * perProducer);
        var items = received.ToArray();
        Assert.Equal(Enumerable.Range(1, producers * perProducer).Select(i => (long)i), items.Select(i => i.Sequence));
        foreach (var group in items.GroupBy(i => i.Update.Producer))
        {
            Assert.Equal(Enumerable.Range(0, perProducer), group.Select(i => i.Update.Sequence));
        }
    }

    [Fact]
    public async Task A_subscriber_that_throws_stops_neither_the_stream_nor_other_subscribers()
    {
        await using var silo = await TestSilo.StartAsync();
        var stream = Provider(silo).GetStream<int>(StreamId.Create("faulty", "R2"));
        var good = new ConcurrentQueue<int>();
        var badCalls = 0;
        await stream.SubscribeAsync((_, _) =>
        {
            Interlocked.Increment(ref badCalls);
            throw new InvalidOperationException("subscriber bug");
        });
        await stream.SubscribeAsync((item, _) =>
        {
            good.Enqueue(item);
            return Task.CompletedTask;
        });

        for (var i = 0; i < 100; i++)
        {
            await stream.OnNextAsync(i);
        }

        await LifecycleAndStateTests.WaitUntil(() => good.Count == 100);
        Assert.Equal(Enumerable.Range(0, 100), good);
        Assert.Equal(100, Volatile.Read(ref badCalls));
        Assert.Equal(100, silo.Silo.GetMetrics().StreamDeliveryFailures);
    }

    [Fact]
    public async Task An_event_on_an_implicitly_subscribed_namespace_activates_the_grain_which_receives_in_order_one_turn_at_a_time()
    {
        await using var silo = await TestSilo.StartAsync();
        var key = "R3-" + Guid.NewGuid();
        var stream = Provider(silo).GetStream<RouteUpdate>(StreamId.Create("routes", key));

        for (var i = 0; i < 300; i++)
        {
            await stream.OnNextAsync(new RouteUpdate(0, i));
        }

        var consumer = silo.Grains.GetGrain<IRouteConsumerGrain>(key);
        await LifecycleAndStateTests.WaitUntil(() => consumer.CountAsync().Result == 300);
        Assert.Equal(Enumerable.Range(0, 300), RouteConsumerGrain.Received[key].Select(u => u.Sequence));
        Assert.Equal(1, RouteConsumerGrain.MaxInside);
    }

    [Fact]
    public async Task Explicit_grain_subscription_delivers_and_unsubscribe_stops_delivery()
    {
        await using var silo = await TestSilo.StartAsync();
        var stream = Provider(silo).GetStream<string>(StreamId.Create("alerts", "noc"));
        var grain = silo.Grains.GetGrain<IExplicitSubscriberGrain>("watcher");
        await grain.SubscribeAsync("noc");

        await stream.OnNextAsync("BGP session R1-ISP-A down");
        await stream.OnNextAsync("BGP session R1-ISP-A up");
        await LifecycleAndStateTests.WaitUntil(() => grain.ReceivedAsync().Result.Count == 2);
        Assert.Equal(["BGP session R1-ISP-A down", "BGP session R1-ISP-A up"], await grain.ReceivedAsync());

        var handles = await stream.GetAllSubscriptionHandles();
        await Assert.Single(handles).UnsubscribeAsync();
        await stream.OnNextAsync("after unsubscribe");
        var probe = new TaskCompletionSource();
        await stream.SubscribeAsync((_, _) =>
        {
            probe.TrySetResult();
            return Task.CompletedTask;
        });
        await stream.OnNextAsync("marker");
        await probe.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(2, (await grain.ReceivedAsync()).Count);
    }

    [Fact]
    public async Task A_full_stream_makes_producers_wait_instead_of_growing_memory()
    {
        await using var silo = await TestSilo.StartAsync(streamCapacity: 4);
        var stream = Provider(silo).GetStream<int>(StreamId.Create("slow", "R4"));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var delivered = 0;
        await stream.SubscribeAsync(async (_, _) =>
        {
            await gate.Task;
            Interlocked.Increment(ref delivered);
        });

        // One event is held by the blocked subscriber, four fill the buffer; the next producer must wait.
        for (var i = 0; i < 5; i++)
        {
            await stream.OnNextAsync(i).WaitAsync(TimeSpan.FromSeconds(5));
        }

        var blocked = stream.OnNextAsync(99);
        await Task.Delay(100);
        Assert.False(blocked.IsCompleted, "the producer was not held back by a full stream");

        gate.SetResult();
        await blocked.WaitAsync(TimeSpan.FromSeconds(5));
        await LifecycleAndStateTests.WaitUntil(() => Volatile.Read(ref delivered) == 6);
    }

    private static IStreamProvider Provider(TestSilo silo) =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderKeyedServiceExtensions.GetRequiredKeyedService<IStreamProvider>(silo.Services, "Default");
}
