using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using OrleansNetOps.Telemetry.Parsing;

namespace OrleansNetOps.Telemetry.Alerts;

/// <summary>
/// Parses and validates Alertmanager webhook bodies. Errors name the JSON path of the offending value
/// (e.g. <c>$.alerts[1].startsAt</c>); syntax errors also give the byte offset.
/// </summary>
public static class AlertmanagerWebhookParser
{
    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    /// <summary>Parses a webhook body or throws <see cref="TelemetryFormatException"/>.</summary>
    public static AlertmanagerWebhook Parse(ReadOnlySpan<byte> utf8Json) =>
        TryParse(utf8Json, out var webhook, out var error) ? webhook : throw new TelemetryFormatException(error);

    /// <summary>Parses a webhook body; on failure reports what was wrong and where.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out AlertmanagerWebhook? webhook, out TelemetryParseError error)
    {
        webhook = null;
        // JsonDocument only notices bad UTF-8 inside strings when they are read; checking first gives the byte offset.
        var invalid = FirstInvalidUtf8(utf8Json);
        if (invalid >= 0)
        {
            error = new TelemetryParseError("invalid UTF-8", invalid, "$");
            return false;
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
            document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                error = new TelemetryParseError("unexpected data after the JSON document", reader.TokenStartIndex, "$");
                document.Dispose();
                return false;
            }
        }
        catch (JsonException e)
        {
            error = new TelemetryParseError(e.Message.Split(" Path:", 2)[0], AbsoluteOffset(utf8Json, e.LineNumber, e.BytePositionInLine), e.Path ?? "$");
            return false;
        }

        using (document)
        {
            try
            {
                webhook = Read(document.RootElement);
                error = default;
                return true;
            }
            catch (TelemetryFormatException e)
            {
                error = e.Error;
                return false;
            }
        }
    }

    private static AlertmanagerWebhook Read(JsonElement root)
    {
        RequireKind(root, JsonValueKind.Object, "$");
        var version = RequiredString(root, "version", "$");
        if (version != "4")
        {
            throw Invalid("$.version", $"payload version \"{version}\" is not supported (expected \"4\")");
        }

        var alertsElement = Required(root, "alerts", "$");
        RequireKind(alertsElement, JsonValueKind.Array, "$.alerts");
        var alerts = new List<AlertmanagerAlert>(alertsElement.GetArrayLength());
        var index = 0;
        foreach (var alert in alertsElement.EnumerateArray())
        {
            alerts.Add(ReadAlert(alert, $"$.alerts[{index.ToString(CultureInfo.InvariantCulture)}]"));
            index++;
        }

        var truncated = 0;
        if (root.TryGetProperty("truncatedAlerts", out var t) && t.ValueKind != JsonValueKind.Null)
        {
            if (t.ValueKind != JsonValueKind.Number || !t.TryGetInt32(out truncated) || truncated < 0)
            {
                throw Invalid("$.truncatedAlerts", "must be a non-negative integer");
            }
        }

        return new AlertmanagerWebhook(
            version,
            RequiredString(root, "groupKey", "$"),
            truncated,
            Status(root, "$"),
            RequiredString(root, "receiver", "$"),
            Labels(root, "groupLabels", "$"),
            Labels(root, "commonLabels", "$"),
            Labels(root, "commonAnnotations", "$"),
            OptionalString(root, "externalURL", "$"),
            alerts);
    }

    private static AlertmanagerAlert ReadAlert(JsonElement alert, string path)
    {
        RequireKind(alert, JsonValueKind.Object, path);
        var labels = Labels(alert, "labels", path);
        if (labels.Count == 0)
        {
            throw Invalid(path + ".labels", "an alert must have at least one label");
        }

        var startsAt = Time(alert, "startsAt", path) ?? throw Invalid(path + ".startsAt", "is required");
        var endsAt = Time(alert, "endsAt", path);
        return new AlertmanagerAlert(
            Status(alert, path),
            labels,
            Labels(alert, "annotations", path),
            startsAt,
            endsAt,
            OptionalString(alert, "generatorURL", path),
            OptionalString(alert, "fingerprint", path));
    }

    private static AlertStatus Status(JsonElement parent, string path) => RequiredString(parent, "status", path) switch
    {
        "firing" => AlertStatus.Firing,
        "resolved" => AlertStatus.Resolved,
        var other => throw Invalid(path + ".status", $"must be \"firing\" or \"resolved\", found \"{other}\""),
    };

    private static DateTimeOffset? Time(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var p = $"{path}.{name}";
        RequireKind(value, JsonValueKind.String, p);
        if (!DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time))
        {
            throw Invalid(p, $"\"{value.GetString()}\" is not an RFC 3339 timestamp");
        }

        // Go's zero time is how Alertmanager says "not set".
        return time.Year <= 1 ? null : time;
    }

    private static IReadOnlyDictionary<string, string> Labels(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return Empty;
        }

        var p = $"{path}.{name}";
        RequireKind(value, JsonValueKind.Object, p);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                throw Invalid($"{p}.{property.Name}", $"label values must be strings, found {property.Value.ValueKind}");
            }

            result[property.Name] = property.Value.GetString()!;
        }

        return result;
    }

    private static JsonElement Required(JsonElement parent, string name, string path) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : throw Invalid($"{path}.{name}", "is required");

    private static string RequiredString(JsonElement parent, string name, string path)
    {
        var value = Required(parent, name, path);
        RequireKind(value, JsonValueKind.String, $"{path}.{name}");
        return value.GetString()!;
    }

    private static string? OptionalString(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        RequireKind(value, JsonValueKind.String, $"{path}.{name}");
        return value.GetString();
    }

    private static void RequireKind(JsonElement value, JsonValueKind kind, string path)
    {
        if (value.ValueKind != kind)
        {
            throw Invalid(path, $"expected {kind.ToString().ToLowerInvariant()}, found {value.ValueKind.ToString().ToLowerInvariant()}");
        }
    }

    private static TelemetryFormatException Invalid(string path, string reason) => new(new TelemetryParseError(reason, -1, path));

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        var offset = 0;
        while (offset < utf8.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return -1;
    }

    private static long AbsoluteOffset(ReadOnlySpan<byte> json, long? line, long? bytePositionInLine)
    {
        if (line is not { } l || bytePositionInLine is not { } b)
        {
            return -1;
        }

        long offset = 0;
        for (long i = 0; i < l; i++)
        {
            var next = json[(int)offset..].IndexOf((byte)'\n');
            if (next < 0)
            {
                return -1;
            }

            offset += next + 1;
        }

        return offset + b;
    }
}
