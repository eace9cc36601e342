using System.Net;
using System.Net.Sockets;
using OrleansNetOps.Bgp.Bmp;
using OrleansNetOps.Bgp.Messages;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Collectors.Bmp;
using OrleansNetOps.Drivers.Simulated;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Silo.Network;
using OrleansNetOps.Topology;
using OrleansNetOps.Twin.Engine;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Silo.Simulation;

/// <summary>
/// The embedded default's network: the topology's routers, computed by the twin, speaking real BMP into the
/// service's own BMP listener, one TCP session per router, labelled <c>source: simulated</c>. Every
/// <c>network.simulationStepSeconds</c> the next event of a fixed cycle happens — a fibre cut on an ISP link and its repair,
/// an ISP withdrawing a prefix and announcing it again — so the portal and API show a living network. The routers'
/// configuration is <see cref="SimulatedPolicy"/>, which the simulated-network driver changes: every step (and within
/// <see cref="s_policyPoll"/> of a change) the routes are recomputed from the events so far with that policy applied.
/// </summary>
public sealed class SimulatedNetworkService(
    BmpCollector collector, NetworkTopology topology, SiloConfig config, SimulatedPolicy policy, SimulatedRoutes routes, TimeProvider time,
    ILogger<SimulatedNetworkService> logger)
    : BackgroundService
{
    private static readonly TimeSpan s_policyPoll = TimeSpan.FromMilliseconds(200);

    /// <summary>The routes of <paramref name="events"/> with every router's policy lines applied.</summary>
    public static TwinState WithPolicy(TwinState events, SimulatedPolicy policy, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(policy);
        var changes = policy.All.SelectMany(r => r.Value.Select(line => (TwinChange)ToChange(r.Key, line))).ToList();
        if (changes.Count == 0)
        {
            return events;
        }

        var result = WhatIfEngine.Run(events, new WhatIfRequest(changes));
        if (result.After is { } after)
        {
            return after;
        }

        logger.LogWarning("Simulated network: the routers' policy was refused: {Errors}", string.Join("; ", result.Errors));
        return events;
    }

    private static CatalogueChange ToChange(string router, string line)
    {
        var (action, parameters) = SimulatedPolicy.Parse(line);
        return new CatalogueChange(router, action, parameters);
    }

    /// <summary>The events the simulation cycles through, for the topology it runs.</summary>
    public static IReadOnlyList<TwinChange> Cycle(NetworkTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var events = new List<TwinChange>();
        var ispLink = topology.Links.LastOrDefault(l => l.Kind == SessionKind.Ebgp);
        if (ispLink is not null)
        {
            events.Add(new LinkStateChange(ispLink.A, ispLink.B, Up: false));
            events.Add(new LinkStateChange(ispLink.A, ispLink.B, Up: true));
        }

        // A prefix only one ISP announces: withdrawing it really takes it away.
        var unique = topology.Isps
            .SelectMany(i => i.Announcements.Select(a => (Isp: i, Announcement: a)))
            .GroupBy(x => x.Announcement.Prefix)
            .Where(g => g.Count() == 1)
            .Select(g => g.Single())
            .FirstOrDefault();
        if (unique.Isp is not null)
        {
            events.Add(new PrefixWithdrawal(unique.Isp.Id, unique.Announcement.Prefix));
            events.Add(new PrefixAnnouncement(unique.Isp.Id, unique.Announcement.Prefix, unique.Announcement.AsPath, unique.Announcement.Med));
        }

        return events;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.Network.Simulated)
        {
            return;
        }

        var endpoint = collector.LocalEndpoint ?? throw new InvalidOperationException("The BMP collector is not listening.");
        var target = endpoint.Address.Equals(IPAddress.Any) ? new IPEndPoint(IPAddress.Loopback, endpoint.Port) : endpoint;
        var sysDescr = $"{BmpRouterSink.SimulatedSysDescr} (topology {topology.Name})";
        var events = TwinState.Converge(topology);
        var state = events;
        var applied = policy.Version;
        var routers = new List<(TcpClient Client, NetworkStream Stream, BmpSessionScript Script)>();
        try
        {
            foreach (var _ in topology.Routers)
            {
                var client = new TcpClient();
                await client.ConnectAsync(target, stoppingToken).ConfigureAwait(false);
                routers.Add((client, client.GetStream(), new BmpSessionScript()));
            }

            logger.LogInformation("Simulated network started: {Routers} routers of topology {Topology} streaming BMP to {Endpoint}",
                routers.Count, topology.Name, target);
            var cycle = Cycle(topology);
            for (var step = 0; !stoppingToken.IsCancellationRequested; step++)
            {
                routes.Current = state;
                var views = SimulatedNetworkViews.Of(state, topology);
                for (var i = 0; i < routers.Count; i++)
                {
                    foreach (var message in routers[i].Script.Next(views[i], sysDescr, time.GetUtcNow()))
                    {
                        await routers[i].Stream.WriteAsync(message, stoppingToken).ConfigureAwait(false);
                    }
                }

                var next = time.GetUtcNow() + TimeSpan.FromSeconds(config.Network.SimulationStepSeconds);
                while (time.GetUtcNow() < next && policy.Version == applied)
                {
                    var left = next - time.GetUtcNow();
                    await Task.Delay(left < s_policyPoll ? left : s_policyPoll, time, stoppingToken).ConfigureAwait(false);
                }

                if (policy.Version != applied)
                {
                    // A driver changed a router: recompute now and stream the result before the next event.
                    applied = policy.Version;
                    state = WithPolicy(events, policy, logger);
                    logger.LogInformation("Simulated network: policy version {Version} applied", applied);
                    step--;
                    continue;
                }

                if (cycle.Count == 0)
                {
                    continue;
                }

                var change = cycle[step % cycle.Count];
                var result = WhatIfEngine.Run(events, new WhatIfRequest([change]));
                if (result.After is { } after)
                {
                    events = after;
                    state = WithPolicy(events, policy, logger);
                    logger.LogInformation("Simulated network: {Change} ({Changed} best paths changed)", change.Describe(), result.Changes.Count);
                }
                else
                {
                    logger.LogWarning("Simulated network: {Change} was refused: {Errors}", change.Describe(), string.Join("; ", result.Errors));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception exception) when (exception is SocketException or IOException)
        {
            logger.LogError(exception, "Simulated network lost its BMP sessions and stops");
        }
        finally
        {
            foreach (var (client, stream, _) in routers)
            {
                await SendTerminationAsync(stream).ConfigureAwait(false);
                client.Dispose();
            }
        }
    }

    private static async Task SendTerminationAsync(NetworkStream stream)
    {
        try
        {
            // RFC 7854 §4.5: reason 0, session administratively closed.
            var termination = new BmpTermination(new[] { new BmpInformationTlv(1, new byte[] { 0, 0 }) });
            await stream.WriteAsync(BmpWriter.Encode(termination, BgpDecodingContext.FourOctet)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or SocketException)
        {
            // The collector is already gone; nothing to tell.
        }
    }
}
