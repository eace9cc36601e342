using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace OrleansNetOps.Runtime;

/// <summary>The runtime core: grain factory, dispatch, catalog, statistics. The <see cref="Silo"/> drives its lifecycle.</summary>
internal sealed class GrainRuntime : IGrainFactory, IDisposable
{
    private readonly ConcurrentDictionary<Type, bool> _preparedInterfaces = new();
    private readonly long _timeoutTicks;

    public GrainRuntime(IServiceProvider services, IOptions<GrainRuntimeOptions> options, GrainRegistrations registrations)
    {
        Services = services;
        Options = options.Value;
        Options.Validate();
        Logger = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("OrleansNetOps.Runtime");
        Time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        Registry = new GrainTypeRegistry(registrations.GrainClasses);
        Catalog = new Catalog(this);
        Statistics = new RuntimeStatistics(() => Catalog.Count);
        _timeoutTicks = (long)(Options.ResponseTimeout.TotalSeconds * Stopwatch.Frequency);
        Reminders = new ReminderService(this, services.GetService<IReminderTable>() ?? new MemoryReminderTable(), Time);
    }

    public IServiceProvider Services { get; }

    public GrainRuntimeOptions Options { get; }

    public ILogger Logger { get; }

    public TimeProvider Time { get; }

    public GrainTypeRegistry Registry { get; }

    public Catalog Catalog { get; }

    public RuntimeStatistics Statistics { get; }

    public ReminderService Reminders { get; }

    public long NewDeadline() => Stopwatch.GetTimestamp() + _timeoutTicks;

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(primaryKey);
        var grainClass = Registry.ForInterface(typeof(TGrainInterface));
        if (!_preparedInterfaces.ContainsKey(typeof(TGrainInterface)))
        {
            Registry.Prepare(typeof(TGrainInterface));
            _preparedInterfaces.TryAdd(typeof(TGrainInterface), true);
        }

        var proxy = DispatchProxy.Create<TGrainInterface, GrainProxy>();
        ((GrainProxy)(object)proxy).Bind(this, new GrainId(grainClass.TypeName, primaryKey));
        return proxy;
    }

    public IStreamProvider GetStreamProvider(string name) =>
        Services.GetKeyedService<IStreamProvider>(name)
        ?? throw new InvalidOperationException($"No stream provider named '{name}' is registered (AddMemoryStreams(\"{name}\")).");

    public void Dispatch(GrainProxy proxy, Request request)
    {
        var cached = proxy.CachedActivation;
        if (cached is not null && cached.TryEnqueue(request))
        {
            return;
        }

        var activation = Catalog.GetOrCreate(proxy.TargetId, Registry.ForTypeName(proxy.TargetId.Type));
        if (activation.TryEnqueue(request))
        {
            proxy.CachedActivation = activation;
            return;
        }

        _ = RedispatchAfterDeactivationAsync(activation, request, proxy.TargetId);
    }

    /// <summary>Runs runtime work (stream delivery, reminder tick) as a turn of a grain, activating it if needed.</summary>
    public Task InvokeCallbackAsync(GrainId grainId, GrainClassMetadata grainClass, string description, Func<Grain, Task> callback,
        bool interleave, bool keepAlive)
    {
        var request = new CallbackRequest(description, callback, interleave, keepAlive, NewDeadline());
        var activation = Catalog.GetOrCreate(grainId, grainClass);
        if (!activation.TryEnqueue(request))
        {
            _ = RedispatchAfterDeactivationAsync(activation, request, grainId);
        }

        return request.Task;
    }

    /// <summary>Watchdog pass: fails calls whose callers have waited past the response timeout.</summary>
    public void ExpireOverdueRequests()
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var activation in Catalog.Activations)
        {
            activation.ExpireOverdue(now, Options.ResponseTimeout);
        }
    }

    /// <summary>Collector pass: deactivates activations idle longer than the collection age.</summary>
    public int CollectIdleActivations()
    {
        var now = Stopwatch.GetTimestamp();
        var idleSince = now - (long)(Options.CollectionAge.TotalSeconds * Stopwatch.Frequency);
        var collected = 0;
        foreach (var activation in Catalog.Activations)
        {
            if (activation.TryCollect(idleSince, now))
            {
                collected++;
            }
        }

        return collected;
    }

    public RuntimeMetricsSnapshot Snapshot() => Statistics.Snapshot(Time.GetUtcNow(), Catalog.Activations);

    public void Dispose() => Statistics.Dispose();

    private async Task RedispatchAfterDeactivationAsync(GrainActivation leaving, Request request, GrainId grainId)
    {
        // One activation per id: wait until the old one is completely gone, then create the next.
        while (true)
        {
            await leaving.Deactivated.ConfigureAwait(false);
            var next = Catalog.GetOrCreate(grainId, Registry.ForTypeName(grainId.Type));
            if (next.TryEnqueue(request))
            {
                return;
            }

            leaving = next;
        }
    }
}
