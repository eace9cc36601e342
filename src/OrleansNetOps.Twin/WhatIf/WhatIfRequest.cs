using System.Text.Json;
using OrleansNetOps.Bgp.Policy;
using Orleans;

namespace OrleansNetOps.Twin.WhatIf;

/// <summary>The body of <c>POST /api/v1/twin/whatif</c>: changes applied in order to one fork.</summary>
/// <param name="Changes">The changes.</param>
[GenerateSerializer, Immutable]
public sealed record WhatIfRequest(IReadOnlyList<TwinChange> Changes)
{
    /// <summary>
    /// Reads <c>{ changes: [ { router, action, params } ] }</c>. Shape errors name the field
    /// (<c>changes[1].params.localPref: expected an integer, got string</c>); semantic checks happen in <see cref="WhatIfEngine"/>.
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

        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var at = $"changes[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{at}: expected an object {{ router, action, params }}");
                continue;
            }

            var router = Text(item, "router", at, problems);
            var action = Text(item, "action", at, problems);
            var parameters = new ActionParameters();
            if (item.TryGetProperty("params", out var json))
            {
                parameters = ActionParameters.FromJson(json, out var parameterErrors);
                problems.AddRange(parameterErrors.Select(e => $"{at}.{e}"));
            }

            changes.Add(new CatalogueChange(router ?? string.Empty, action ?? string.Empty, parameters));
        }

        return new WhatIfRequest(changes);
    }

    private static string? Text(JsonElement item, string name, string at, List<string> problems)
    {
        if (item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        problems.Add($"{at}.{name}: required, a string");
        return null;
    }
}
