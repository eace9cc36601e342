using System.Collections.Immutable;
using OrleansNetOps.Analytics.Correlation;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Grains.Analysis;

namespace OrleansNetOps.Grains.Incidents;

/// <summary>
/// A domain's incident intake. It does no grouping of its own: the domain's <see cref="FindingCorrelatorGrain"/> groups
/// the findings into candidates and hands each result here, so one candidate is one incident. The first finding of a
/// candidate that matters (severity minor or worse) opens the incident, every later one joins it, and a candidate merged
/// into another closes its incident in favour of the survivor's. It keeps the domain's incident index for the list
/// endpoint.
/// </summary>
public sealed class IncidentIntakeGrain(
    [PersistentState("incidents")] IPersistentState<IncidentIntakeState> state) : Grain, IIncidentIntakeGrain
{
    /// <summary>Incidents kept in the index.</summary>
    public const int MaxIncidents = 1000;

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
        _known = [.. state.State.Incidents];
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task CorrelatedAsync(Finding finding, IncidentCandidate? holder, ImmutableArray<IncidentCandidate> merged)
    {
        ArgumentNullException.ThrowIfNull(finding);
        foreach (var gone in merged.Where(c => c.MergedInto is not null && _known.Contains(IncidentOf(c.Id))))
        {
            await GrainFactory.GetGrain<IIncidentGrain>(IncidentOf(gone.Id)).MergedAsync(IncidentOf(gone.MergedInto!));
        }

        if (holder is null)
        {
            return;
        }

        var incident = IncidentOf(holder.Id);
        if (!_known.Contains(incident) && holder.Severity < IncidentSeverity.Minor)
        {
            return;
        }

        await GrainFactory.GetGrain<IIncidentGrain>(incident).ObserveAsync(this.GetPrimaryKeyString(), holder, finding);
        if (_known.Add(incident))
        {
            state.State.Incidents.Add(incident);
            while (state.State.Incidents.Count > MaxIncidents)
            {
                _known.Remove(state.State.Incidents[0]);
                state.State.Incidents.RemoveAt(0);
            }

            await state.WriteStateAsync();
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> IncidentIdsAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. Enumerable.Reverse(state.State.Incidents)]);
}
