using System.Globalization;
using Orleans.Concurrency;
using OrleansNetOps.Governance.Guardrails;
using OrleansNetOps.Grains.Coordination;
using OrleansNetOps.Grains.Network;
using OrleansNetOps.Topology;
using OrleansNetOps.Twin.Drift;
using OrleansNetOps.Twin.Engine;
using OrleansNetOps.Twin.Guardrails;
using OrleansNetOps.Twin.Model;
using OrleansNetOps.Twin.Scenarios;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Grains.Twin;

/// <summary>
/// Holds the twin's converged baseline. It is rebuilt from the router twin grains (each router's policy, what its
/// eBGP neighbours really send, which of its sessions are down) when older than <see cref="MaxBaselineAge"/>, or when a
/// caller needs the live state as of a time after its inputs were gathered (<see cref="TwinContext.LiveAsOf"/>);
/// what-ifs fork it copy-on-write and propagate only what a change can touch (the engine in <c>OrleansNetOps.Twin</c>).
/// <para>
/// Many callers share it fairly: the grain is reentrant, and its turn only hands out the baseline (an immutable, sealed
/// state); the engine then runs on the thread pool, so a large what-if never holds up a small one or a drift query.
/// Concurrent callers that find the baseline stale wait for one rebuild, not one each.
/// </para>
/// </summary>
[GrainType("network-twin")]
[Reentrant]
public sealed class NetworkTwinGrain(NetworkTopology topology, GuardrailsSource guardrails, TimeProvider time) : Grain, INetworkTwinGrain
{
    /// <summary>
    /// The longest one what-if (or one scenarios request) may run. Below the grain call timeout, so the caller hears
    /// why; a request within <see cref="WhatIfLimits"/> takes well under a second on a realistic network.
    /// </summary>
    public static readonly TimeSpan MaxRunTime = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan MaxBaselineAge = TimeSpan.FromSeconds(5);
    private Baseline? _baseline;
    private Task<Baseline>? _rebuilding;
    private (string Fingerprint, TwinGuardrails Limits)? _limits;

    /// <inheritdoc />
    public async Task<WhatIfResult> WhatIfAsync(WhatIfRequest request, TwinContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var (baseline, _) = await BaselineAsync(fresh: false, context.LiveAsOf);
        var options = await OptionsAsync(context, baseline);
        return await OffTurnAsync("what-if", token => WhatIfEngine.Run(baseline, request, options, token), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ScenarioRun>> ScenariosAsync(ScenarioQuery query, TwinContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(context);
        var kinds = new List<FailureKind>();
        foreach (var name in query.Kinds)
        {
            if (!FailureKindNames.TryParse(name, out var kind))
            {
                throw new ArgumentException($"kinds: '{name}' is not one of {string.Join(", ", FailureKindNames.All)}", nameof(query));
            }

            kinds.Add(kind);
        }

        var (baseline, _) = await BaselineAsync(fresh: false, context.LiveAsOf);
        var options = await OptionsAsync(context, baseline);
        var request = new ScenarioRequest(kinds, query.Count, query.Seed, query.MaxFailures);
        return await OffTurnAsync("scenarios", token => (IReadOnlyList<ScenarioRun>)FailureScenarios.Run(baseline, request, options, token)
            .Select(o => new ScenarioRun(FailureKindNames.Name(o.Scenario.Kind), o.Scenario.Changes, o.Result))
            .ToList(), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DriftEntry>> DriftAsync()
    {
        var (baseline, _) = await BaselineAsync(fresh: false);
        var live = new List<LiveBestPath>();
        foreach (var router in topology.Routers)
        {
            var grain = GrainFactory.GetGrain<IRouterGrain>(router.Id);
            if ((await grain.GetSummaryAsync()).Status != RouterStatus.Unknown)
            {
                live.AddRange(await grain.GetBestPathsAsync());
            }
        }

        return DriftDetector.Compare(baseline, live);
    }

    /// <inheritdoc />
    public async Task<TwinBaselineInfo> RefreshAsync() => (await BaselineAsync(fresh: true)).Info;

    // The limits are the domain's guardrails as its coordinator holds them now (the twin's key is the domain).
    private async Task<WhatIfOptions> OptionsAsync(TwinContext context, TwinState baseline) => new()
    {
        Guardrails = Limits(await guardrails.CurrentAsync(GrainFactory, this.GetPrimaryKeyString())),
        Traffic = RoutedTraffic.Onto(baseline, context.Traffic),
        Measurements = context.Measurements,
    };

    // The engine only reads the sealed baseline, so it may run on the thread pool beside other what-ifs and this
    // grain's turns. The caller's token and the time bound both reach its propagation loop.
    private static async Task<T> OffTurnAsync<T>(string what, Func<CancellationToken, T> run, CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(MaxRunTime);
        try
        {
            return await Task.Run(() => run(bound.Token), bound.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                $"The {what} was stopped after {MaxRunTime.TotalSeconds:0} s, its time limit; nothing was changed. Ask for fewer changes or prefixes."));
        }
    }

    private TwinGuardrails Limits(GovernancePolicy policy)
    {
        if (_limits is not { } known || known.Fingerprint != policy.Fingerprint)
        {
            _limits = known = (policy.Fingerprint, policy.ToTwinGuardrails());
        }

        return known.Limits;
    }

    private async Task<(TwinState State, TwinBaselineInfo Info)> BaselineAsync(bool fresh, DateTimeOffset? liveAsOf = null)
    {
        if (!fresh && _baseline is { } current && time.GetUtcNow() - current.Info.BuiltAt < MaxBaselineAge && !(liveAsOf > current.InputsAt))
        {
            return (current.State, current.Info);
        }

        // One rebuild at a time: reentrant callers that find the baseline stale share the one in flight, unless it
        // gathered its inputs before the live state they need; then the next rebuild serves them.
        for (var attempt = 0; ; attempt++)
        {
            var rebuilding = _rebuilding ??= RebuildAsync();
            Baseline built;
            try
            {
                built = await rebuilding;
            }
            finally
            {
                if (ReferenceEquals(_rebuilding, rebuilding))
                {
                    _rebuilding = null;
                }
            }

            if (!(liveAsOf > built.InputsAt) || attempt > 0)
            {
                return (built.State, built.Info);
            }
        }
    }

    private async Task<Baseline> RebuildAsync()
    {
        var inputsAt = time.GetUtcNow();
        var inputs = await Task.WhenAll(topology.Routers.Select(r => GrainFactory.GetGrain<IRouterTwinGrain>(r.Id).GetInputsAsync()));
        var feeds = inputs.SelectMany(i => i.Feeds)
            .Select(f => new ExternalFeed(f.Router, f.Isp, [.. f.Routes.Unpack().Select(r => new ReceivedRoute(r.Prefix, r.Attributes, r.Attributes.NextHop))]))
            .ToList();
        var downLinks = inputs.SelectMany(i => i.DownLinks).Distinct().ToList();
        var state = await Task.Run(() => TwinState.Converge(topology, new TwinInputs { Feeds = feeds, DownLinks = downLinks }));
        var info = new TwinBaselineInfo(time.GetUtcNow(), state.Prefixes.Count(), feeds.Count, downLinks);
        var baseline = new Baseline(state, info, inputsAt);
        _baseline = baseline;
        return baseline;
    }

    // InputsAt: when the routers' views were asked for (everything they had applied by then is in the state).
    private sealed record Baseline(TwinState State, TwinBaselineInfo Info, DateTimeOffset InputsAt);
}
