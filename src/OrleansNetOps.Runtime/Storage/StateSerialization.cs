using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansNetOps.Runtime;

/// <summary>
/// The one JSON shape grain state has in every store. Memory storage serializes too, so a grain can never
/// mutate what storage holds behind its back, and a state type that cannot cross a process boundary fails
/// on the first write rather than on the first PostgreSQL deployment.
/// </summary>
public static class StateSerialization
{
    /// <summary>Options used by all state stores.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serializes a state value to UTF-8 JSON.</summary>
    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <summary>Deserializes a state value from UTF-8 JSON.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<T>(utf8Json, Options)!;

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            IncludeFields = false,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
