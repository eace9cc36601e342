using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Orleans;

namespace OrleansNetOps.Bgp.Policy;

/// <summary>
/// The <c>params</c> of a catalogue action as received, type-checked but not yet range-checked (that is
/// <see cref="PolicyEdit.For"/>'s job, so errors can name the parameter and the offending value).
/// Numbers are kept as <see cref="long"/> so out-of-range values survive to be reported.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ActionParameters
{
    /// <summary>Neighbour address or topology name (<c>ISP-A</c>).</summary>
    [field: Id(0)]
    public string? Peer { get; init; }

    /// <summary><c>in</c> or <c>out</c>.</summary>
    [field: Id(1)]
    public string? Direction { get; init; }

    /// <summary>Prefixes to limit the action to; null means all.</summary>
    [field: Id(2)]
    public ImmutableArray<string>? Prefixes { get; init; }

    /// <summary>LOCAL_PREF value.</summary>
    [field: Id(3)]
    public long? LocalPref { get; init; }

    /// <summary>MED value.</summary>
    [field: Id(4)]
    public long? Med { get; init; }

    /// <summary>How many times to prepend.</summary>
    [field: Id(5)]
    public long? PrependCount { get; init; }

    /// <summary>The AS to prepend (default: the router's own).</summary>
    [field: Id(6)]
    public long? PrependAs { get; init; }

    /// <summary>One or more communities (<c>AA:NN</c>, names, or <c>G:L1:L2</c>), separated by spaces or commas.</summary>
    [field: Id(7)]
    public string? Community { get; init; }

    /// <summary><c>add</c>, <c>remove</c> or <c>replace</c>.</summary>
    [field: Id(8)]
    public string? Mode { get; init; }

    /// <summary>New next hop for <c>NEXT_HOP_CHANGE</c> (an extension: the API's common params do not name it).</summary>
    [field: Id(9)]
    public string? NextHop { get; init; }

    /// <summary>Reads <c>params</c> from JSON, reporting parameters of the wrong JSON type.</summary>
    public static ActionParameters FromJson(JsonElement json, out ImmutableArray<ParameterError> errors)
    {
        var problems = new List<ParameterError>();
        var result = new ActionParameters();
        if (json.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            errors = [];
            return result;
        }

        if (json.ValueKind != JsonValueKind.Object)
        {
            errors = [new ParameterError("", $"expected an object, got {Kind(json)}")];
            return result;
        }

        foreach (var property in json.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "peer": result = result with { Peer = Text(property.Name, value, problems) }; break;
                case "direction": result = result with { Direction = Text(property.Name, value, problems) }; break;
                case "community": result = result with { Community = Text(property.Name, value, problems) }; break;
                case "mode": result = result with { Mode = Text(property.Name, value, problems) }; break;
                case "nextHop": result = result with { NextHop = Text(property.Name, value, problems) }; break;
                case "localPref": result = result with { LocalPref = Integer(property.Name, value, problems) }; break;
                case "med": result = result with { Med = Integer(property.Name, value, problems) }; break;
                case "prependCount": result = result with { PrependCount = Integer(property.Name, value, problems) }; break;
                case "prependAs": result = result with { PrependAs = Integer(property.Name, value, problems) }; break;
                case "prefixes": result = result with { Prefixes = TextList(property.Name, value, problems) }; break;
                default: break; // The API welcomes extra fields; they are not ours to judge.
            }
        }

        errors = [.. problems];
        return result;
    }

    private static string Kind(JsonElement value) => value.ValueKind.ToString().ToLowerInvariant();

    private static string? Text(string name, JsonElement value, List<ParameterError> problems)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.Null:
                return null;
            default:
                problems.Add(new ParameterError(name, $"expected a string, got {Kind(value)}"));
                return null;
        }
    }

    private static long? Integer(string name, JsonElement value, List<ParameterError> problems)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            problems.Add(new ParameterError(name, $"expected an integer, got {Kind(value)}"));
            return null;
        }

        if (value.TryGetInt64(out var number))
        {
            return number;
        }

        // Too large for 64 bits, or not integral: both are reported with the raw text.
        var raw = value.GetRawText();
        problems.Add(decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && decimal.Truncate(d) == d
            ? new ParameterError(name, $"{raw} is out of range")
            : new ParameterError(name, $"{raw} is not an integer"));
        return null;
    }

    private static ImmutableArray<string>? TextList(string name, JsonElement value, List<ParameterError> problems)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                return [value.GetString()!];
            case JsonValueKind.Array:
                var items = new List<string>();
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String)
                    {
                        items.Add(item.GetString()!);
                    }
                    else
                    {
                        problems.Add(new ParameterError($"{name}[{index}]", $"expected a string, got {Kind(item)}"));
                    }

                    index++;
                }

                return [.. items];
            default:
                problems.Add(new ParameterError(name, $"expected an array of strings, got {Kind(value)}"));
                return null;
        }
    }
}
