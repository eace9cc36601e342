using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Twin.Recordings;

/// <summary>
/// A recorded scenario: timed events on a topology, and optionally what the routers showed after each. The lab plays it
/// against real routers (<c>OrleansNetOps.Lab play</c>, which can also record what they show); the twin replays it as
/// what-if events (<see cref="RecordingReplay"/>). JSON:
/// <code>
/// { "name": "seed-cycle", "topology": "seed", "description": "…",
///   "events": [ { "atSeconds": 0, "router": "R2", "action": "LINK_DOWN", "params": { "peer": "ISP-C" },
///                 "observed": [ { "node": "R1", "prefix": "8.8.8.0/24", "nextHop": "203.0.113.2", "asPath": [1234, 15169], "localPref": 100, "med": 0 } ] } ] }
/// </code>
/// Each event is a change in the what-if API's shape (see <see cref="TwinChangeJson"/>) plus <c>atSeconds</c> and, when
/// recorded, <c>observed</c>.
/// </summary>
/// <param name="Name">The recording's name.</param>
/// <param name="Topology">The name of the topology it was recorded on.</param>
/// <param name="Description">What it shows.</param>
/// <param name="Events">The events by time.</param>
public sealed record ScenarioRecording(string Name, string Topology, string Description, IReadOnlyList<RecordedEvent> Events)
{
    // Readable text: apostrophes and the like need no escaping in a file that is not embedded in HTML.
    private static readonly JsonSerializerOptions s_compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads a recording; errors name the field (<c>events[2].atSeconds: …</c>) and nothing is returned with them.</summary>
    public static ScenarioRecording? Parse(string json, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        errors = problems;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            problems.Add($"recording: not JSON ({exception.Message})");
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add("recording: expected an object { name, topology, description?, events }");
                return null;
            }

            var name = Text(root, "name", "name", problems);
            var topology = Text(root, "topology", "topology", problems);
            var description = root.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : string.Empty;
            var events = new List<RecordedEvent>();
            if (!root.TryGetProperty("events", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
            {
                problems.Add("events: required, a non-empty list of { atSeconds, router, action, params, observed? }");
                return null;
            }

            var index = 0;
            var previous = 0.0;
            foreach (var item in list.EnumerateArray())
            {
                var at = string.Create(CultureInfo.InvariantCulture, $"events[{index++}]");
                var changes = TwinChangeJson.Read(item, at, problems);
                if (item.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var seconds = previous;
                if (!item.TryGetProperty("atSeconds", out var time) || time.ValueKind != JsonValueKind.Number || !time.TryGetDouble(out seconds)
                    || seconds < previous)
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"{at}.atSeconds: required, a number of seconds not before the previous event ({previous})"));
                }

                previous = Math.Max(previous, seconds);
                var observed = item.TryGetProperty("observed", out var routes) && routes.ValueKind != JsonValueKind.Null
                    ? Observed(routes, at + ".observed", problems)
                    : null;
                events.Add(new RecordedEvent(seconds, changes, observed));
            }

            return problems.Count > 0 ? null : new ScenarioRecording(name!, topology!, description, events);
        }
    }

    /// <summary>Reads a recording file; errors name the file and the field.</summary>
    public static ScenarioRecording? Load(string path, out IReadOnlyList<string> errors)
    {
        var recording = Parse(File.ReadAllText(path), out var problems);
        errors = problems.Select(p => $"{path}: {p}").ToList();
        return recording;
    }

    /// <summary>The recording as JSON (what <see cref="Parse"/> reads): one line per event and per observed route, so diffs of recordings read well.</summary>
    public string ToJson()
    {
        var text = new StringBuilder();
        text.Append("{\n  \"name\": ").Append(Json(JsonValue.Create(Name))).Append(",\n  \"topology\": ").Append(Json(JsonValue.Create(Topology)))
            .Append(",\n  \"description\": ").Append(Json(JsonValue.Create(Description))).Append(",\n  \"events\": [");
        var first = true;
        foreach (var recorded in Events)
        {
            foreach (var change in recorded.Changes)
            {
                var item = new JsonObject { ["atSeconds"] = recorded.AtSeconds };
                foreach (var (key, value) in TwinChangeJson.Write(change))
                {
                    item[key] = value?.DeepClone();
                }

                var line = Json(item);
                if (recorded.Observed is { } observed && ReferenceEquals(change, recorded.Changes[^1]))
                {
                    line = line[..^1] + ",\n      \"observed\": [\n" + string.Join(",\n", observed.Select(o => "        " + Json(Write(o)))) + "\n      ]}";
                }

                text.Append(first ? "\n    " : ",\n    ").Append(line);
                first = false;
            }
        }

        return text.Append("\n  ]\n}\n").ToString();
    }

    private static string Json(JsonNode node) => node.ToJsonString(s_compact);

    private static JsonNode Write(ObservedRoute route)
    {
        var item = new JsonObject
        {
            ["node"] = route.Node,
            ["prefix"] = route.Prefix,
            ["nextHop"] = route.NextHop?.ToString(),
            ["asPath"] = new JsonArray([.. route.AsPath.Select(a => (JsonNode?)JsonValue.Create(a))]),
        };
        if (route.LocalPref is { } lp)
        {
            item["localPref"] = lp;
        }

        if (route.Med is { } med)
        {
            item["med"] = med;
        }

        return item;
    }

    private static List<ObservedRoute> Observed(JsonElement routes, string at, List<string> problems)
    {
        var result = new List<ObservedRoute>();
        if (routes.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{at}: expected a list of {{ node, prefix, nextHop, asPath, localPref?, med? }}");
            return result;
        }

        var i = 0;
        foreach (var route in routes.EnumerateArray())
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"{at}[{i++}]");
            var node = Text(route, "node", where + ".node", problems);
            var prefix = Text(route, "prefix", where + ".prefix", problems);
            IPAddress? nextHop = null;
            if (route.TryGetProperty("nextHop", out var hop) && hop.ValueKind == JsonValueKind.String && !IPAddress.TryParse(hop.GetString(), out nextHop))
            {
                problems.Add($"{where}.nextHop: '{hop.GetString()}' is not an IP address");
            }

            var path = new List<uint>();
            if (route.TryGetProperty("asPath", out var asns) && asns.ValueKind == JsonValueKind.Array)
            {
                foreach (var asn in asns.EnumerateArray())
                {
                    if (asn.ValueKind == JsonValueKind.Number && asn.TryGetUInt32(out var value))
                    {
                        path.Add(value);
                    }
                    else
                    {
                        problems.Add($"{where}.asPath: expected AS numbers");
                    }
                }
            }

            if (node is not null && prefix is not null)
            {
                result.Add(new ObservedRoute(node, prefix, nextHop, path, UInt(route, "localPref"), UInt(route, "med")));
            }
        }

        return result;
    }

    private static uint? UInt(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetUInt32(out var number) ? number : null;

    private static string? Text(JsonElement item, string name, string field, List<string> problems)
    {
        if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        problems.Add($"{field}: required, a string");
        return null;
    }
}
