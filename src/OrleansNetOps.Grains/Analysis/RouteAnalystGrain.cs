using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Placement;
using OrleansNetOps.Analytics.Bgp;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Bgp.Wire;
using OrleansNetOps.Grains.Network;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Grains.Analysis;

/// <summary>
/// Holds a <see cref="RouteAnalyst"/> for one router and reads the router's BMP batches into it, in order; findings go
/// out through <see cref="FindingPublication"/>, and a timer closes churn buckets that end in silence. It lives beside
/// the router grain (same silo, so a batch is handed over, not copied) and, like it, in memory only: a new BMP session
/// re-sends every route, and a batch from the middle of a session it did not see from the start is not read (a BMP
/// decoder needs the session's Peer Ups). A silo runs route detectors when it has <see cref="RouteAnalystOptions"/>
/// (silo.yaml <c>analysis.routeDetectors</c>): they hold about 170 bytes per prefix, twice what the router grain holds.
/// </summary>
[GrainType("route-analyst")]
[PreferLocalPlacement]
public sealed class RouteAnalystGrain(NetworkTopology topology, TimeProvider time, ILogger<RouteAnalystGrain> logger) : Grain, IRouteAnalystGrain
{
    private static readonly TimeSpan AdvanceEvery = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan WhileConnected = TimeSpan.FromDays(3650);
    private RouteAnalyst _analyst = null!;
    private string? _connection;
    private long _nextOffset;
    private long _skipped;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _analyst = new RouteAnalyst(this.GetPrimaryKeyString(), topology, ServiceProvider.GetRequiredService<RouteAnalystOptions>());
        this.RegisterGrainTimer(AdvanceAsync, new GrainTimerCreationOptions(AdvanceEvery, AdvanceEvery) { Interleave = false });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task ObserveAsync(BmpDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var frames = delivery.Frames;
        if (delivery.Connection != _connection || frames.FirstOffset != _nextOffset)
        {
            if (frames.FirstOffset != 0)
            {
                _skipped++;
                return;
            }

            _analyst.Restart();
            _connection = delivery.Connection;
        }

        var found = new List<Finding>();
        foreach (var (_, message) in frames.Messages())
        {
            try
            {
                found.AddRange(_analyst.Observe(message.Span, delivery.ReceivedAt));
            }
            catch (BgpDecodeException)
            {
                // The router grain rejects the same frame and reports it; the rest of the batch is still read.
            }
        }

        _nextOffset = frames.FirstOffset + frames.Data.Length;
        if (delivery.Closed)
        {
            _connection = null;
            DelayDeactivation(TimeSpan.Zero);
        }
        else
        {
            // Its state is only rebuilt by a new BMP session: stay as long as the router's does.
            DelayDeactivation(WhileConnected);
        }

        await PublishAsync(found);
    }

    /// <inheritdoc />
    public Task<RouteAnalystCounts> GetCountsAsync() =>
        Task.FromResult(new RouteAnalystCounts(_analyst.PrefixUpdates, _analyst.TrackedPrefixes, _analyst.Malformed, _skipped));

    private Task AdvanceAsync(CancellationToken cancellationToken) => PublishAsync(_analyst.Advance(time.GetUtcNow()));

    private async Task PublishAsync(IReadOnlyCollection<Finding> findings)
    {
        try
        {
            await this.PublishFindingsAsync(findings);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Router {Router}: {Count} route findings were not published", this.GetPrimaryKeyString(), findings.Count);
        }
    }
}
