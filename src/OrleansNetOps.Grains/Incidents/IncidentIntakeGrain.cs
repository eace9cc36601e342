using System.Collections.Immutable;
using System.Text.Json.Nodes;
using OrleansNetOps.Analytics.Correlation;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Grains.Analysis;

namespace OrleansNetOps.Grains.Incidents;

/// <summary>
/// A domain's incident intake. It does no grouping of its own: the domain's <see cref="FindingCorrelatorGrain"/> groups
/// the findings into candidates and hands each result here, so one candidate is one incident. The first finding of a
/// candidate that matters (severity minor or worse) opens the incident, every later one joins it, and a candidate merged
/// into another closes its incident in favour of the survivor's. A candidate's window ends some minutes after its last
/// finding, an incident lasts until it is resolved: a new candidate whose top cause is that of an incident still open
/// (open, acknowledged or mitigating) joins that incident instead of opening another — a forecast of congestion on an
/// ISP and the breach a quarter of an hour later are one incident. It keeps the domain's incident index for the list
/// endpoint.
/// </summary>
public sealed class IncidentIntakeGrain(
    [PersistentState("incidents")] IPersistentState<IncidentIntakeState> state) : Grain, IIncidentIntakeGrain
{
    /// <summary>Incidents kept in the index.</summary>
    public const int MaxIncidents = 1000;

    // The newest incidents a new candidate is compared with: an incident still open is among the recent ones.
    private const int OpenLookBack = 50;
    private static readonly string[] s_open = [IncidentStates.Open, IncidentStates.Acknowledged, IncidentStates.Mitigating];

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
            await GrainFactory.GetGrain<IIncidentGrain>(IncidentOf(gone.Id)).MergedAsync(Resolve(IncidentOf(gone.MergedInto!)));
        }

        if (holder is null)
        {
            return;
        }

        var incident = Resolve(IncidentOf(holder.Id));
        if (!_known.Contains(incident))
        {
            if (await OpenIncidentOfAsync(holder.TopCause.Subject.ToString()) is { } open)
            {
                state.State.Joined[incident] = open;
                incident = open;
                await state.WriteStateAsync();
            }
            else if (holder.Severity < IncidentSeverity.Minor)
            {
                return;
            }
        }

        await GrainFactory.GetGrain<IIncidentGrain>(incident).ObserveAsync(this.GetPrimaryKeyString(), holder, finding);
        if (_known.Add(incident))
        {
            state.State.Incidents.Add(incident);
            while (state.State.Incidents.Count > MaxIncidents)
            {
                var dropped = state.State.Incidents[0];
                _known.Remove(dropped);
                state.State.Incidents.RemoveAt(0);
                foreach (var joined in state.State.Joined.Where(j => j.Value == dropped).Select(j => j.Key).ToList())
                {
                    state.State.Joined.Remove(joined);
                }
            }

            await state.WriteStateAsync();
        }
    }

    private string Resolve(string incident) => state.State.Joined.TryGetValue(incident, out var joined) ? joined : incident;

    // The newest incident still open whose root cause is this subject, if any.
    private async Task<string?> OpenIncidentOfAsync(string subject)
    {
        foreach (var id in Enumerable.Reverse(state.State.Incidents).Take(OpenLookBack))
        {
            var json = await GrainFactory.GetGrain<IIncidentGrain>(id).GetAsync(timeline: false);
            var incident = json is null ? null : JsonNode.Parse(json);
            if (incident?["state"]?.GetValue<string>() is { } current && s_open.Contains(current)
                && incident["rootCause"]?["subject"]?.GetValue<string>() == subject)
            {
                return id;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> IncidentIdsAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. Enumerable.Reverse(state.State.Incidents)]);
}
