using Microsoft.Extensions.DependencyInjection;
using OrleansNetOps.Runtime;

namespace OrleansNetOps.Benchmarks.Runtime;

/// <summary>A started silo with the benchmark grains and memory providers.</summary>
public sealed class BenchSilo : IAsyncDisposable
{
    public static readonly string[] Keys = [.. Enumerable.Range(0, 1000).Select(i => "g" + i)];

    private readonly ServiceProvider _services;

    private BenchSilo(ServiceProvider services)
    {
        _services = services;
        Silo = services.GetRequiredService<Silo>();
    }

    public Silo Silo { get; }

    public IGrainFactory Grains => Silo.GrainFactory;

    public IStreamProvider Streams => _services.GetRequiredKeyedService<IStreamProvider>("Default");

    public static BenchSilo Start()
    {
        var services = new ServiceCollection();
        services.AddGrainRuntime().AddGrains(typeof(BenchSilo).Assembly).AddMemoryGrainStorage().AddMemoryReminders()
            .AddMemoryStreams("Default", o => o.Capacity = 4096);
        var silo = new BenchSilo(services.BuildServiceProvider());
        silo.Silo.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        return silo;
    }

    public async ValueTask DisposeAsync()
    {
        await Silo.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}
