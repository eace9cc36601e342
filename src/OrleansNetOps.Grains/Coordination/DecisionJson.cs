using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansNetOps.Grains.Coordination;

/// <summary>
/// How the decision side keeps governance records (decisions, approval requests, autonomy, rate limits) in grain state
/// and passes them between grains: camelCase JSON, the same text whichever storage shape runs.
/// </summary>
public static class DecisionJson
{
    /// <summary>The options.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Serialises a value.</summary>
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Reads a value written by <see cref="Write{T}"/>.</summary>
    /// <exception cref="JsonException">The text is not a <typeparamref name="T"/>.</exception>
    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"null where a {typeof(T).Name} was stored");
}
