using System.ComponentModel;
using System.Text.Json;
using Microsoft.SemanticKernel;
using OrleansNetOps.Assistant.State;

namespace OrleansNetOps.Assistant.Kernel;

/// <summary>
/// The functions the model may call: reads of network state through the API, and <c>propose_change</c>, which only
/// records a proposal for the caller to validate (twin, guardrails, approval). Nothing here can execute or approve.
/// </summary>
/// <param name="state">The reader, carrying the caller's credentials.</param>
public sealed class NetOpsPlugin(NetworkStateReader state)
{
    private readonly List<string> _proposals = [];

    /// <summary>The changes the model proposed, as <c>{ router, action, params }</c> JSON, in order.</summary>
    public IReadOnlyList<string> Proposals => _proposals;

    /// <summary>All routers with status and session counts.</summary>
    [KernelFunction("get_routers"), Description("Lists every router: id, hostname, role, status (up|degraded|down), sessions total and established.")]
    public async Task<string> GetRoutersAsync(CancellationToken cancellationToken = default) =>
        Text(await state.RoutersAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>One router with its BGP sessions.</summary>
    [KernelFunction("get_router"), Description("One router with its BGP sessions (peer address, AS, state, flaps, last down reason).")]
    public async Task<string> GetRouterAsync([Description("Router id, e.g. R1")] string router, CancellationToken cancellationToken = default) =>
        Text(await state.RouterAsync(router, cancellationToken).ConfigureAwait(false));

    /// <summary>A router's best path to a prefix.</summary>
    [KernelFunction("get_routes"), Description("A router's routes to one prefix (Loc-RIB): next hop, AS path, LOCAL_PREF, MED, communities, which is best.")]
    public async Task<string> GetRoutesAsync(
        [Description("Router id, e.g. R3")] string router, [Description("Prefix, e.g. 8.8.8.0/24")] string prefix, CancellationToken cancellationToken = default) =>
        Text(await state.RoutesAsync(router, prefix, cancellationToken).ConfigureAwait(false));

    /// <summary>Analysts' findings.</summary>
    [KernelFunction("get_findings"), Description("Recent findings of the analysts (anomalies, flaps, leaks, hijacks), optionally for one router.")]
    public async Task<string> GetFindingsAsync([Description("Router id, or empty for all")] string? router = null, CancellationToken cancellationToken = default) =>
        Text(await state.FindingsAsync(string.IsNullOrWhiteSpace(router) ? null : router, cancellationToken).ConfigureAwait(false));

    /// <summary>Open incidents.</summary>
    [KernelFunction("get_incidents"), Description("Open incidents with severity, routers, root cause and evidence.")]
    public async Task<string> GetIncidentsAsync(CancellationToken cancellationToken = default) =>
        Text(await state.IncidentsAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>Recent actions.</summary>
    [KernelFunction("get_actions"), Description("Recent actions with tier, risk, state, rationale and twin result.")]
    public async Task<string> GetActionsAsync(CancellationToken cancellationToken = default) =>
        Text(await state.ActionsAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>The audit trail of an action.</summary>
    [KernelFunction("get_audit"), Description("The audit records (decisions, approvals, executions) of one action.")]
    public async Task<string> GetAuditAsync([Description("Action id")] string actionId, CancellationToken cancellationToken = default) =>
        Text(await state.AuditAsync(actionId, cancellationToken).ConfigureAwait(false));

    /// <summary>Records a proposed change; it is validated by the twin and governance afterwards and never executed here.</summary>
    [KernelFunction("propose_change"), Description(
        "Proposes ONE catalogue change for the operator's intent. It is only a proposal: the twin and the guardrails judge it and "
        + "people approve it; you cannot execute or approve anything. action is one of LOCAL_PREF_ADJUST, MED_ADJUST, COMMUNITY_TAG, "
        + "AS_PATH_PREPEND, NEXT_HOP_CHANGE, PEER_ACTIVATE, PEER_DEACTIVATE, PREFIX_FILTER, ISP_FAILOVER, FULL_REROUTE, DEPEER, NO_ACTION. "
        + "parameters is a JSON object with peer (ISP id such as ISP-A, or neighbour address), direction (in|out), prefixes (list), "
        + "localPref, med, prependCount, prependAs, community, mode (add|remove|replace).")]
    public string ProposeChange(
        [Description("Our router's id, e.g. R1")] string router,
        [Description("Catalogue action name")] string action,
        [Description("The params object as JSON")] string parameters)
    {
        JsonElement parsed;
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(parameters) ? "{}" : parameters);
            parsed = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return $"rejected: parameters is not JSON ({e.Message}); nothing was recorded";
        }

        var change = JsonSerializer.Serialize(new Dictionary<string, object?> { ["router"] = router, ["action"] = action, ["params"] = parsed });
        lock (_proposals)
        {
            _proposals.Add(change);
        }

        return "recorded as a proposal; the twin and governance will judge it";
    }

    private static string Text(StateReading reading) => reading.Json is { } json ? json.GetRawText() : NetworkStateReader.Missing(reading);
}
