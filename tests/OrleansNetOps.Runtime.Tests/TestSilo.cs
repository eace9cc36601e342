using Microsoft.Extensions.DependencyInjection;
using OrleansNetOps.Runtime;

namespace OrleansNetOps.Runtime.Tests;

/// <summary>A real silo in the test process, with short timeouts, memory providers and this assembly's grains.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestSilo(ServiceProvider services, Silo silo)
    {
        _services = services;
        Silo = silo;
    }

    public Silo Silo { get; }

    public IGrainFactory Grains => Silo.GrainFactory;

    public IServiceProvider Services => _services;

    public IGrainStorage Storage => _services.GetRequiredKeyedService<IGrainStorage>(PersistentStateAttribute.DefaultStorageName);

    public static async Task<TestSilo> StartAsync(Action<GrainRuntimeOptions>? configure = null, Action<IGrainRuntimeBuilder>? build = null,
        int streamCapacity = 1024)
    {
        var services = new ServiceCollection();
        var builder = services.AddGrainRuntime(o =>
            {
                o.ResponseTimeout = TimeSpan.FromSeconds(5);
                o.MinimumReminderPeriod = TimeSpan.FromMilliseconds(50);
                configure?.Invoke(o);
            })
            .AddGrains(typeof(TestSilo).Assembly)
            .AddMemoryGrainStorage()
            .AddMemoryStreams("Default", o => o.Capacity = streamCapacity);
        build?.Invoke(builder);
        builder.AddMemoryReminders();
        var provider = services.BuildServiceProvider();
        var silo = provider.GetRequiredService<Silo>();
        await silo.StartAsync(CancellationToken.None);
        return new TestSilo(provider, silo);
    }

    public async ValueTask DisposeAsync()
    {
        await Silo.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}
