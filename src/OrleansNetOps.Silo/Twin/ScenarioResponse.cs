using System.Text.Json.Nodes;
using OrleansNetOps.Grains.Twin;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Silo.Twin;

/// <summary>One item of <c>POST /api/v1/twin/scenarios</c>: a generated failure, its events and their what-if.</summary>
/// <param name="Kind">The failure kind (<c>LINK_CUT</c>, <c>PEER_LOSS</c>, …).</param>
/// <param name="Events">Its network events in the what-if change shape: posting them to <c>/twin/whatif</c> gives <paramref name="WhatIf"/> again.</param>
/// <param name="WhatIf">The what-if result.</param>
public sealed record ScenarioResponse(string Kind, IReadOnlyList<JsonObject> Events, WhatIfResponse WhatIf)
{
    /// <summary>From the grain's answer.</summary>
    public static ScenarioResponse From(ScenarioRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new ScenarioResponse(run.Kind, [.. run.Events.Select(TwinChangeJson.Write)], WhatIfResponse.From(run.Result));
    }
}
