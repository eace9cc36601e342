using System.Globalization;
using System.Text.Json;
using OrleansNetOps.Bgp.Policy;
using Orleans;

namespace OrleansNetOps.Twin.WhatIf;

/// <summary>The body of <c>POST /api/v1/twin/whatif</c>: changes (actions and network events) applied in order to one fork.</summary>
/// <param name="Changes">The changes.</param>
[GenerateSerializer, Immutable]
public sealed record WhatIfRequest(IReadOnlyList<TwinChange> Changes)
{
    /// <summary>
    /// Reads <c>{ changes: [ { router, action, params } ] }</c> (see <see cref="TwinChangeJson"/>). Shape errors name the
    /// field (<c>changes[1].params.localPref: expected an integer, got string</c>); semantic checks happen in
    /// <see cref="WhatIfEngine"/>. More than <see cref="WhatIfLimits.MaxChanges"/> changes are refused unread.
    /// </summary>
    public static WhatIfRequest FromJson(JsonElement body, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        var changes = new List<TwinChange>();
        errors = problems;
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("changes", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            problems.Add("changes: required, a list of { router, action, params }");
            return new WhatIfRequest(changes);
        }

        if (list.GetArrayLength() == 0)
        {
            problems.Add("changes: is empty; give at least one change (NO_ACTION simulates nothing)");
            return new WhatIfRequest(changes);
        }

        if (list.GetArrayLength() > WhatIfLimits.MaxChanges)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"changes: {list.GetArrayLength()} changes; at most {WhatIfLimits.MaxChanges} fit in one what-if"));
            return new WhatIfRequest(changes);
        }

        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            changes.AddRange(TwinChangeJson.Read(item, string.Create(CultureInfo.InvariantCulture, $"changes[{index++}]"), problems));
        }

        var request = new WhatIfRequest(changes);
        if (problems.Count == 0 && WhatIfLimits.Check(request) is { } tooLarge)
        {
            problems.Add(tooLarge);
        }

        return request;
    }
}
