using OrleansNetOps.Collectors.Bmp;

namespace OrleansNetOps.Silo.Network;

/// <summary>Starts and stops the telemetry listeners with the host.</summary>
public sealed class CollectorsService(BmpCollector bmp) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => bmp.StartAsync(cancellationToken);

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken) => await bmp.DisposeAsync().ConfigureAwait(false);
}
