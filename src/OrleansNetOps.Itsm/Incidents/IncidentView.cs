using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using OrleansNetOps.Itsm.Tickets;

namespace OrleansNetOps.Itsm.Incidents;

/// <summary>
/// What a ticket needs of an incident, read from the incident's REST shape (API.md: <c>id, title, severity, state,
/// openedAt, routers, rootCause: { summary, confidence, evidence }, actionIds</c>), as the live feed carries it.
/// </summary>
/// <param name="Id">The incident id (the ticket's correlation id).</param>
/// <param name="Title">Its title.</param>
/// <param name="Severity">Its severity.</param>
/// <param name="State"><c>open|acknowledged|mitigating|resolved|closed</c>.</param>
/// <param name="OpenedAt">When it opened, when given.</param>
/// <param name="Routers">Routers involved.</param>
/// <param name="RootCause">The root-cause summary, when known.</param>
/// <param name="Confidence">The root cause's confidence (0..1), when known.</param>
/// <param name="Evidence">The root cause's evidence, as text.</param>
/// <param name="ActionIds">Actions taken for it.</param>
public sealed record IncidentView(string Id, string Title, TicketSeverity Severity, string State, DateTimeOffset? OpenedAt, ImmutableArray<string> Routers,
    string? RootCause, double? Confidence, ImmutableArray<string> Evidence, ImmutableArray<string> ActionIds)
{
    private static readonly string[] States = ["open", "acknowledged", "mitigating", "resolved", "closed"];

    /// <summary>Reads the incident JSON.</summary>
    /// <exception cref="FormatException">The text is not an incident; the message names the field.</exception>
    public static IncidentView Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException failure)
        {
            throw new FormatException($"incident: not JSON ({failure.Message})", failure);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"incident: expected an object but found {root.ValueKind}");
        }

        var id = Text(root, "id") ?? throw new FormatException("incident: 'id' is missing");
        var state = Text(root, "state") ?? throw new FormatException($"incident {id}: 'state' is missing");
        if (!States.Contains(state, StringComparer.Ordinal))
        {
            throw new FormatException($"incident {id}: state '{state}' is not one of {string.Join('|', States)}");
        }

        var severityText = Text(root, "severity") ?? "minor";
        if (!Enum.TryParse<TicketSeverity>(severityText, ignoreCase: true, out var severity) || !Enum.IsDefined(severity) || int.TryParse(severityText, out _))
        {
            throw new FormatException($"incident {id}: severity '{severityText}' is not one of info|minor|major|critical");
        }

        DateTimeOffset? openedAt = Text(root, "openedAt") is { } opened
            ? DateTimeOffset.TryParse(opened, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : throw new FormatException($"incident {id}: openedAt '{opened}' is not a time")
            : null;
        var cause = root.TryGetProperty("rootCause", out var rc) && rc.ValueKind == JsonValueKind.Object ? rc : default;
        return new IncidentView(
            id,
            Text(root, "title") is { Length: > 0 } title ? title : $"Incident {id}",
            severity,
            state,
            openedAt,
            Texts(root, "routers"),
            cause.ValueKind == JsonValueKind.Object ? Text(cause, "summary") : null,
            cause.ValueKind == JsonValueKind.Object && cause.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : null,
            cause.ValueKind == JsonValueKind.Object ? Texts(cause, "evidence") : [],
            Texts(root, "actionIds"));
    }

    /// <summary>The ticket's body: routers, root cause with its evidence, actions.</summary>
    public string Describe()
    {
        var lines = new List<string> { $"OrleansNetOps incident {Id} ({State})." };
        if (OpenedAt is { } opened)
        {
            lines.Add($"Opened: {opened.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC");
        }

        if (Routers.Length > 0)
        {
            lines.Add($"Routers: {string.Join(", ", Routers)}");
        }

        if (RootCause is not null)
        {
            lines.Add(Confidence is { } confidence ? $"Root cause: {RootCause} (confidence {confidence.ToString("0.##", CultureInfo.InvariantCulture)})" : $"Root cause: {RootCause}");
            lines.AddRange(Evidence.Select(e => $"  - {e}"));
        }

        if (ActionIds.Length > 0)
        {
            lines.Add($"Actions: {string.Join(", ", ActionIds)}");
        }

        return string.Join('\n', lines);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // Evidence items may be objects; their JSON text stands for them.
    private static ImmutableArray<string> Texts(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText())]
            : [];
}
