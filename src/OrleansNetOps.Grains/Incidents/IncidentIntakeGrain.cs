using System.Text.Json;
using Orleans.Streams;
using Orleans.Streams.Core;
using OrleansNetOps.Analytics.Correlation;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Grains.Events;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Grains.Incidents;

/// <summary>
/// A domain's incident intake: implicitly subscribed to the domain's findings stream, it groups findings with the same
/// <see cref="Correlator"/> the findings API uses (same cause, same time window), so one candidate is one incident:
/// the first finding of a candidate that matters (severity minor or worse) opens the incident, every later one joins
/// it, and a candidate merged into another closes its incident in favour of the survivor's. It keeps the domain's
/// incident index for the list endpoint.
/// </summary>
[ImplicitStreamSubscription(NetOpsStreams.FindingsNamespace)]
public sealed class IncidentIntakeGrain(
    [PersistentState("incidents")] IPersistentState<IncidentIntakeState> state,
    NetworkTopology topology) : Grain, IIncidentIntakeGrain, IStreamSubscriptionObserver, IAsyncObserver<Finding>
{
    /// <summary>Incidents kept in the index.</summary>
    public const int MaxIncidents = 1000;

    private Correlator _correlator = null!;
    private HashSet<string> _known = [];

    /// <summary>The incident of a correlator candidate: <c>inc-</c> and the candidate's hex.</summary>
    public static string IncidentOf(string candidateId)
    {
        ArgumentNullException.ThrowIfNull(candidateId);
        return "inc-" + (candidateId.StartsWith("c-", StringComparison.Ordinal) ? candidateId[2..] : candidateId);
    }

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var saved = state.State.Correlator is { } json ? JsonSerializer.Deserialize<CorrelatorState>(json) : null;
        _correlator = new Correlator(topology, state: saved);
        _known = [.. state.State.Incidents];
        return Task.CompletedTask;
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
        var domain = this.GetPrimaryKeyString();
        var update = _correlator.Observe(item);
        foreach (var gone in update.Closed.Where(c => c.MergedInto is not null && _known.Contains(IncidentOf(c.Id))))
        {
            await GrainFactory.GetGrain<IIncidentGrain>(IncidentOf(gone.Id)).MergedAsync(IncidentOf(gone.MergedInto!));
        }

        var holder = update.Opened.Concat(update.Updated).Concat(update.Folded).FirstOrDefault(c => c.Occurrences.ContainsKey(item.DedupKey));
        if (holder is not null)
        {
            var incident = IncidentOf(holder.Id);
            if (_known.Contains(incident) || holder.Severity >= IncidentSeverity.Minor)
            {
                await GrainFactory.GetGrain<IIncidentGrain>(incident).ObserveAsync(domain, holder, item);
                if (_known.Add(incident))
                {
                    state.State.Incidents.Add(incident);
                    while (state.State.Incidents.Count > MaxIncidents)
                    {
                        _known.Remove(state.State.Incidents[0]);
                        state.State.Incidents.RemoveAt(0);
                    }
                }
            }
        }

        state.State.Correlator = JsonSerializer.Serialize(_correlator.State);
        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task OnCompletedAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> IncidentIdsAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. Enumerable.Reverse(state.State.Incidents)]);
}
