using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansNetOps.Postgres.Telemetry;

/// <summary>How parsed telemetry records are kept in jsonb columns: camelCase, enums by name.</summary>
internal static class TelemetryJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
