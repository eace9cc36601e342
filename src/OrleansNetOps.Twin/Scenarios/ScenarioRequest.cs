using System.Globalization;
using System.Text.Json;

namespace OrleansNetOps.Twin.Scenarios;

/// <summary>The body of <c>POST /api/v1/twin/scenarios</c>: <c>{ kinds?: [..], count?, seed?, maxFailures? }</c>.</summary>
/// <param name="Kinds">The kinds to draw from; empty means all.</param>
/// <param name="Count">How many scenarios (1..<see cref="MaxCount"/>).</param>
/// <param name="Seed">The generator's seed: the same seed on the same topology gives the same scenarios.</param>
/// <param name="MaxFailures">At most this many failures at once per scenario (1..3).</param>
public sealed record ScenarioRequest(IReadOnlyList<FailureKind> Kinds, int Count = ScenarioRequest.DefaultCount, int Seed = 1, int MaxFailures = 1)
{
    /// <summary>Scenarios when <c>count</c> is absent.</summary>
    public const int DefaultCount = 10;

    /// <summary>The most scenarios one request may ask for: each is a what-if of its own.</summary>
    public const int MaxCount = 100;

    /// <summary>Reads the body; errors name the field (<c>kinds[1]: 'FIRE' is not one of LINK_CUT, …</c>).</summary>
    public static ScenarioRequest FromJson(JsonElement body, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        errors = problems;
        var kinds = new List<FailureKind>();
        int count = DefaultCount, seed = 1, maxFailures = 1;
        if (body.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return new ScenarioRequest(kinds);
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            problems.Add("body: expected an object { kinds?, count?, seed?, maxFailures? }");
            return new ScenarioRequest(kinds);
        }

        if (body.TryGetProperty("kinds", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                problems.Add($"kinds: expected an array of {string.Join(", ", FailureKindNames.All)}");
            }
            else
            {
                var i = 0;
                foreach (var item in list.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String && FailureKindNames.TryParse(item.GetString(), out var kind))
                    {
                        kinds.Add(kind);
                    }
                    else
                    {
                        problems.Add(string.Create(CultureInfo.InvariantCulture,
                            $"kinds[{i}]: {(item.ValueKind == JsonValueKind.String ? $"'{item.GetString()}'" : item.ValueKind.ToString().ToLowerInvariant())} is not one of {string.Join(", ", FailureKindNames.All)}"));
                    }

                    i++;
                }
            }
        }

        count = Integer(body, "count", 1, MaxCount, count, problems);
        seed = Integer(body, "seed", int.MinValue, int.MaxValue, seed, problems);
        maxFailures = Integer(body, "maxFailures", 1, 3, maxFailures, problems);
        return new ScenarioRequest(kinds, count, seed, maxFailures);
    }

    private static int Integer(JsonElement body, string name, long min, long max, int fallback, List<string> problems)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number >= min && number <= max)
        {
            return (int)number;
        }

        problems.Add(value.ValueKind == JsonValueKind.Number
            ? string.Create(CultureInfo.InvariantCulture, $"{name}: {value.GetRawText()} is out of range {min}..{max}")
            : $"{name}: expected an integer, got {value.ValueKind.ToString().ToLowerInvariant()}");
        return fallback;
    }
}
