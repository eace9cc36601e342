using System.Collections.Immutable;
using OrleansNetOps.Bgp.Policy;

namespace OrleansNetOps.Drivers;

/// <summary>
/// One action as it reaches a driver: the API's <c>{ router, action, params }</c> plus the action's idempotency key.
/// For <c>RUNBOOK</c> actions <paramref name="Target"/> names the runbook and <see cref="Fields"/> carries the
/// incident fields its templates read.
/// </summary>
/// <param name="Id">The action's idempotency key; audit records and snapshots refer to it.</param>
/// <param name="Target">The router's topology id (or the runbook's name).</param>
/// <param name="Action">The catalogue name, e.g. <c>LOCAL_PREF_ADJUST</c>, or <c>RUNBOOK</c>.</param>
/// <param name="Parameters">The catalogue params.</param>
public sealed record DeviceAction(string Id, string Target, string Action, ActionParameters Parameters)
{
    /// <summary>The action name of a runbook run.</summary>
    public const string Runbook = "RUNBOOK";

    /// <summary>Incident fields (<c>incident.id</c>, <c>service</c>, <c>previousVersion</c>...) for templated actions.</summary>
    public ImmutableSortedDictionary<string, string> Fields { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <inheritdoc />
    public override string ToString() => $"{Action} on {Target} ({Id})";
}
