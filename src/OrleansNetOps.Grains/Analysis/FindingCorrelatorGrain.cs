using System.Collections.Immutable;
using System.Text.Json;
using Orleans.Streams;
using Orleans.Streams.Core;
using OrleansNetOps.Analytics.Correlation;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Grains.Events;
using OrleansNetOps.Grains.Incidents;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Grains.Analysis;

/// <summary>
/// A domain's correlator: implicitly subscribed to the domain's findings stream, it feeds each finding to the
/// <see cref="Correlator"/> (dedup, time windows, topology-aware grouping, inhibition, root-cause ranking) and keeps the
/// recent findings (bounded) for the API, each with the top cause of the candidate that holds it. After each finding it
/// hands the candidate that holds it (and any candidate it merged away) to the domain's <see cref="IIncidentIntakeGrain"/>:
/// incidents are opened from these candidates and nowhere else.
/// </summary>
[ImplicitStreamSubscription(NetOpsStreams.FindingsNamespace)]
public sealed class FindingCorrelatorGrain(
    [PersistentState("correlator")] IPersistentState<FindingCorrelatorState> state,
    NetworkTopology topology,
    TimeProvider time) : Grain, IFindingCorrelatorGrain, IStreamSubscriptionObserver, IAsyncObserver<Finding>
{
    /// <summary>Findings kept for the API.</summary>
    public const int MaxFindings = 2000;

    /// <summary>Closed candidates kept for the API.</summary>
    public const int MaxClosed = 200;

    /// <summary>How often open candidates are checked for a window that ended.</summary>
    public static readonly TimeSpan AgeEvery = TimeSpan.FromSeconds(10);

    private readonly Queue<Finding> _findings = new();
    private readonly Queue<IncidentCandidate> _closed = new();
    private readonly Dictionary<string, string> _candidateOf = new(StringComparer.Ordinal);
    private readonly HashSet<string> _listed = new(StringComparer.Ordinal);
    private Correlator _correlator = null!;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var saved = state.State.Correlator is { } json ? JsonSerializer.Deserialize<CorrelatorState>(json) : null;
        _correlator = new Correlator(topology, state: saved);
        foreach (var finding in state.State.Findings is { } findings ? JsonSerializer.Deserialize<Finding[]>(findings) ?? [] : [])
        {
            _findings.Enqueue(finding);
            _listed.Add(finding.Id);
        }

        foreach (var candidate in state.State.Closed is { } closed ? JsonSerializer.Deserialize<IncidentCandidate[]>(closed) ?? [] : [])
        {
            _closed.Enqueue(candidate);
        }

        foreach (var candidate in _closed.Concat(_correlator.Open))
        {
            Hold(candidate);
        }

        // Candidates close when their window ends, not when the next finding happens to arrive.
        this.RegisterGrainTimer(AgeAsync, new GrainTimerCreationOptions(AgeEvery, AgeEvery) { Interleave = false });
        return AgeAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);
        await handleFactory.Create<Finding>().ResumeAsync(this);
    }

    /// <inheritdoc />
    public async Task OnNextAsync(Finding item, StreamSequenceToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        var update = _correlator.Observe(item);
        // A redelivered finding is listed once.
        if (_listed.Add(item.Id))
        {
            _findings.Enqueue(item);
        }

        while (_findings.Count > MaxFindings)
        {
            var gone = _findings.Dequeue().Id;
            _candidateOf.Remove(gone);
            _listed.Remove(gone);
        }

        foreach (var candidate in update.Opened.Concat(update.Updated).Concat(update.Folded))
        {
            Hold(candidate);
        }

        Close(update.Closed);
        await WriteAsync();

        // Persisted first: a redelivered finding folds into its candidate, and the incident ignores a finding it holds.
        var holder = update.Opened.Concat(update.Updated).Concat(update.Folded).FirstOrDefault(c => c.Occurrences.ContainsKey(item.DedupKey));
        var merged = update.Closed.Where(c => c.MergedInto is not null).ToImmutableArray();
        if (holder is not null || !merged.IsEmpty)
        {
            await GrainFactory.GetGrain<IIncidentIntakeGrain>(this.GetPrimaryKeyString()).CorrelatedAsync(item, holder, merged);
        }
    }

    /// <inheritdoc />
    public Task OnCompletedAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<ImmutableArray<Finding>> GetFindingsAsync(FindingQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var candidates = Candidates().ToDictionary(c => c.Id, StringComparer.Ordinal);
        return Task.FromResult<ImmutableArray<Finding>>([.. _findings.Reverse()
            .Where(f => (query.Router is null || string.Equals(f.Router, query.Router, StringComparison.Ordinal))
                && (query.Kind is null || f.Kind == query.Kind)
                && (query.From is null || f.At >= query.From)
                && (query.To is null || f.At <= query.To))
            .Take(query.Limit)
            .Select(f => f.CandidateCause is null && _candidateOf.TryGetValue(f.Id, out var id) && candidates.TryGetValue(id, out var candidate)
                ? f with { CandidateCause = candidate.TopCause }
                : f)]);
    }

    /// <inheritdoc />
    public Task<ImmutableArray<IncidentCandidate>> GetCandidatesAsync(int limit) =>
        Task.FromResult<ImmutableArray<IncidentCandidate>>([.. Candidates().Take(limit)]);

    private async Task AgeAsync(CancellationToken cancellationToken)
    {
        var closed = _correlator.Advance(time.GetUtcNow());
        if (!closed.IsEmpty)
        {
            Close(closed);
            await WriteAsync();
        }
    }

    // Open first (newest update first), then closed (newest first).
    private IEnumerable<IncidentCandidate> Candidates() =>
        _correlator.Open.OrderByDescending(c => c.UpdatedAt).Concat(_closed.Reverse());

    private void Hold(IncidentCandidate candidate)
    {
        foreach (var finding in candidate.Findings)
        {
            _candidateOf[finding.Id] = candidate.MergedInto ?? candidate.Id;
        }
    }

    private void Close(ImmutableArray<IncidentCandidate> closed)
    {
        foreach (var candidate in closed)
        {
            Hold(candidate);
            _closed.Enqueue(candidate);
        }

        while (_closed.Count > MaxClosed)
        {
            _closed.Dequeue();
        }
    }

    private Task WriteAsync()
    {
        state.State.Correlator = JsonSerializer.Serialize(_correlator.State);
        state.State.Findings = JsonSerializer.Serialize(_findings.ToArray());
        state.State.Closed = JsonSerializer.Serialize(_closed.ToArray());
        return state.WriteStateAsync();
    }
}
