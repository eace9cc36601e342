using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Twin.WhatIf;

/// <summary>
/// The API's change shape, <c>{ router, action, params }</c>, read and written: catalogue actions
/// (<see cref="CatalogueChange"/>) and network events (<see cref="NetworkEvent"/>). What <see cref="Write"/> gives,
/// <see cref="Read"/> takes back, so generated scenarios and recordings can be sent as what-if requests.
/// <list type="bullet">
/// <item><c>ISP_ANNOUNCE</c>: <c>router</c> = the ISP; <c>params.prefixes</c> (required), <c>asPath</c> (the ASes
/// behind the ISP), <c>med</c>, <c>communities</c> (<c>AA:NN</c> or well-known names).</item>
/// <item><c>ISP_WITHDRAW</c>: <c>router</c> = the ISP; <c>params.prefixes</c> (required).</item>
/// <item><c>LINK_DOWN</c> / <c>LINK_UP</c>: <c>router</c> + <c>params.peer</c> (neighbour id or address), or
/// <c>params.link</c> (a topology link name such as <c>R1-ISP-A</c>) without <c>router</c>; <c>params.holdTimeMs</c>:
/// how long until the ends notice a link going down (default the model's hold time; 0 for a session closed with a
/// NOTIFICATION).</item>
/// <item><c>ROUTER_DOWN</c>: <c>router</c> (ours or an ISP's); <c>params.holdTimeMs</c> as above.</item>
/// <item><c>EXPORT_LEAK</c>: <c>router</c> (our edge) + <c>params.peer</c> (the provider it leaks its table to).</item>
/// </list>
/// </summary>
public static class TwinChangeJson
{
    /// <summary>The network events' names.</summary>
    public static IReadOnlyList<string> EventNames { get; } = ["ISP_ANNOUNCE", "ISP_WITHDRAW", "LINK_DOWN", "LINK_UP", "ROUTER_DOWN", "EXPORT_LEAK"];

    /// <summary>
    /// Reads one change at <paramref name="at"/> (e.g. <c>changes[3]</c>). Shape errors go to <paramref name="problems"/>
    /// naming the field; an event listing several prefixes gives one change per prefix, each positioned at <paramref name="at"/>.
    /// </summary>
    public static IReadOnlyList<TwinChange> Read(JsonElement item, string at, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{at}: expected an object {{ router, action, params }}");
            return [];
        }

        var failures = problems.Count;
        var action = Text(item, "action", at, problems, required: true);
        var parameters = item.TryGetProperty("params", out var p) && p.ValueKind != JsonValueKind.Null ? p : default;
        if (parameters.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Object))
        {
            problems.Add($"{at}.params: expected an object, got {Kind(parameters)}");
            return [];
        }

        var linkForm = action is "LINK_DOWN" or "LINK_UP" && parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty("link", out _);
        var router = Text(item, "router", at, problems, required: !linkForm);
        if (action is null || problems.Count > failures)
        {
            return [];
        }

        if (!EventNames.Contains(action))
        {
            var catalogue = new ActionParameters();
            if (parameters.ValueKind == JsonValueKind.Object)
            {
                catalogue = ActionParameters.FromJson(parameters, out var parameterErrors);
                problems.AddRange(parameterErrors.Select(e => $"{at}.{e}"));
            }

            return [new CatalogueChange(router ?? string.Empty, action, catalogue) { Position = at }];
        }

        var fields = new EventFields(parameters, at + ".params", problems);
        IReadOnlyList<TwinChange> changes = action switch
        {
            "ISP_ANNOUNCE" => Announcements(router!, fields),
            "ISP_WITHDRAW" => fields.Prefixes(required: true).Select(prefix => new PrefixWithdrawal(router!, prefix)).ToList(),
            "LINK_DOWN" or "LINK_UP" => [Link(router, fields, action == "LINK_UP")],
            "ROUTER_DOWN" => [new RouterDown(router!) { HoldTimeMs = fields.HoldTime() }],
            _ => [new ExportLeak(router!, fields.Text("peer", required: true) ?? string.Empty)],
        };
        return problems.Count > failures ? [] : changes.Select(c => c with { Position = at }).ToList();
    }

    /// <summary>The change in the API's shape.</summary>
    public static JsonObject Write(TwinChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var parameters = new JsonObject();
        string? router;
        string action;
        switch (change)
        {
            case CatalogueChange c:
                (router, action) = (c.Router, c.Action);
                var a = c.Parameters;
                Add(parameters, "peer", a.Peer);
                Add(parameters, "direction", a.Direction);
                if (a.Prefixes is { } listed)
                {
                    parameters["prefixes"] = new JsonArray([.. listed.Select(t => (JsonNode?)JsonValue.Create(t))]);
                }

                Add(parameters, "localPref", a.LocalPref);
                Add(parameters, "med", a.Med);
                Add(parameters, "prependCount", a.PrependCount);
                Add(parameters, "prependAs", a.PrependAs);
                Add(parameters, "community", a.Community);
                Add(parameters, "mode", a.Mode);
                Add(parameters, "nextHop", a.NextHop);
                break;
            case LinkStateChange link when link.B.Length == 0:
                (router, action) = (null, link.Kind);
                parameters["link"] = link.A;
                Add(parameters, "holdTimeMs", link.HoldTimeMs);
                break;
            case LinkStateChange link:
                (router, action) = (link.A, link.Kind);
                parameters["peer"] = link.B;
                Add(parameters, "holdTimeMs", link.HoldTimeMs);
                break;
            case RouterDown down:
                (router, action) = (down.Router, down.Kind);
                Add(parameters, "holdTimeMs", down.HoldTimeMs);
                break;
            case PrefixAnnouncement announcement:
                (router, action) = (announcement.Node, announcement.Kind);
                parameters["prefixes"] = new JsonArray(JsonValue.Create(announcement.Prefix.ToString()));
                parameters["asPath"] = new JsonArray([.. announcement.AsPath.Select(asn => (JsonNode?)JsonValue.Create(asn))]);
                Add(parameters, "med", announcement.Med);
                if (announcement.Communities.Count > 0)
                {
                    parameters["communities"] = new JsonArray([.. announcement.Communities.Select(c => (JsonNode?)JsonValue.Create(c.ToString()))]);
                }

                break;
            case PrefixWithdrawal withdrawal:
                (router, action) = (withdrawal.Node, withdrawal.Kind);
                parameters["prefixes"] = new JsonArray(JsonValue.Create(withdrawal.Prefix.ToString()));
                break;
            case ExportLeak leak:
                (router, action) = (leak.Router, leak.Kind);
                parameters["peer"] = leak.Peer;
                break;
            default:
                throw new ArgumentException($"{change.GetType().Name} has no API form", nameof(change));
        }

        var result = new JsonObject();
        if (router is not null)
        {
            result["router"] = router;
        }

        result["action"] = action;
        result["params"] = parameters;
        return result;
    }

    private static List<TwinChange> Announcements(string isp, EventFields fields)
    {
        var prefixes = fields.Prefixes(required: true);
        var asPath = fields.AsPath();
        var med = fields.UInt32("med");
        var communities = fields.Communities();
        return prefixes.Select(prefix => (TwinChange)new PrefixAnnouncement(isp, prefix, asPath, med) { Communities = communities }).ToList();
    }

    private static LinkStateChange Link(string? router, EventFields fields, bool up)
    {
        var hold = up ? null : fields.HoldTime();
        if (fields.Text("link", required: false) is { } name)
        {
            if (router is not null)
            {
                fields.Problem("link", "give either router and peer, or link");
            }

            return new LinkStateChange(name, string.Empty, up) { HoldTimeMs = hold };
        }

        return new LinkStateChange(router!, fields.Text("peer", required: true) ?? string.Empty, up) { HoldTimeMs = hold };
    }

    private static void Add(JsonObject parameters, string name, string? value)
    {
        if (value is not null)
        {
            parameters[name] = value;
        }
    }

    private static void Add(JsonObject parameters, string name, long? value)
    {
        if (value is { } v)
        {
            parameters[name] = v;
        }
    }

    private static void Add(JsonObject parameters, string name, double? value)
    {
        if (value is { } v)
        {
            parameters[name] = v;
        }
    }

    private static string? Text(JsonElement item, string name, string at, List<string> problems, bool required)
    {
        if (item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        if (required || (value.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null)))
        {
            problems.Add($"{at}.{name}: required, a string");
        }

        return null;
    }

    private static string Kind(JsonElement value) => value.ValueKind.ToString().ToLowerInvariant();

    /// <summary>The params of an event, each read with an error naming the field.</summary>
    private sealed class EventFields(JsonElement parameters, string at, List<string> problems)
    {
        private JsonElement Field(string name) =>
            parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty(name, out var value) ? value : default;

        public void Problem(string name, string message) => problems.Add($"{at}.{name}: {message}");

        public string? Text(string name, bool required)
        {
            var value = Field(name);
            switch (value.ValueKind)
            {
                case JsonValueKind.String when !string.IsNullOrWhiteSpace(value.GetString()):
                    return value.GetString()!.Trim();
                case JsonValueKind.Undefined or JsonValueKind.Null when !required:
                    return null;
                default:
                    Problem(name, value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? "is required" : $"expected a string, got {Kind(value)}");
                    return null;
            }
        }

        public List<IpPrefix> Prefixes(bool required)
        {
            var value = Field("prefixes");
            var result = new List<IpPrefix>();
            if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
            {
                if (required)
                {
                    Problem("prefixes", "is required");
                }

                return result;
            }

            var items = value.ValueKind == JsonValueKind.String ? [value] : value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : null;
            if (items is null || items.Count == 0)
            {
                Problem("prefixes", items is null ? $"expected an array of prefixes, got {Kind(value)}" : "is empty");
                return result;
            }

            for (var i = 0; i < items.Count; i++)
            {
                var name = value.ValueKind == JsonValueKind.Array ? string.Create(CultureInfo.InvariantCulture, $"prefixes[{i}]") : "prefixes";
                if (items[i].ValueKind == JsonValueKind.String && IpPrefix.TryParse(items[i].GetString()?.Trim(), out var prefix))
                {
                    result.Add(prefix);
                }
                else
                {
                    Problem(name, items[i].ValueKind == JsonValueKind.String ? $"'{items[i].GetString()}' is not an IP prefix" : $"expected a string, got {Kind(items[i])}");
                }
            }

            return result;
        }

        public List<uint> AsPath()
        {
            var value = Field("asPath");
            var result = new List<uint>();
            if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
            {
                return result;
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                Problem("asPath", $"expected an array of AS numbers, got {Kind(value)}");
                return result;
            }

            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Number && item.TryGetInt64(out var asn) && asn is >= 1 and <= uint.MaxValue)
                {
                    result.Add((uint)asn);
                }
                else
                {
                    Problem(string.Create(CultureInfo.InvariantCulture, $"asPath[{i}]"),
                        item.ValueKind == JsonValueKind.Number ? $"{item.GetRawText()} is not an AS number 1..4294967295" : $"expected an AS number, got {Kind(item)}");
                }

                i++;
            }

            return result;
        }

        public uint? UInt32(string name)
        {
            var value = Field(name);
            if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number is >= 0 and <= uint.MaxValue)
            {
                return (uint)number;
            }

            Problem(name, value.ValueKind == JsonValueKind.Number ? $"{value.GetRawText()} is out of range 0..4294967295" : $"expected an integer, got {Kind(value)}");
            return null;
        }

        public double? HoldTime()
        {
            var value = Field("holdTimeMs");
            if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var ms) && ms >= 0 && ms <= WhatIfLimits.MaxHoldTimeMs)
            {
                return ms;
            }

            Problem("holdTimeMs", value.ValueKind == JsonValueKind.Number
                ? string.Create(CultureInfo.InvariantCulture, $"{value.GetRawText()} is out of range 0..{WhatIfLimits.MaxHoldTimeMs}")
                : $"expected a number of milliseconds, got {Kind(value)}");
            return null;
        }

        public List<Community> Communities()
        {
            var value = Field("communities");
            var result = new List<Community>();
            if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
            {
                return result;
            }

            var tokens = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).ToList(),
                JsonValueKind.Array => value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText()).ToList(),
                _ => null,
            };
            if (tokens is null)
            {
                Problem("communities", $"expected an array of communities, got {Kind(value)}");
                return result;
            }

            for (var i = 0; i < tokens.Count; i++)
            {
                if (CommunityText.TryParse(tokens[i].Trim(), out var community))
                {
                    result.Add(community);
                }
                else
                {
                    Problem(value.ValueKind == JsonValueKind.Array ? string.Create(CultureInfo.InvariantCulture, $"communities[{i}]") : "communities",
                        $"'{tokens[i]}' is not a standard community (AA:NN or a well-known name such as no-export)");
                }
            }

            return result;
        }
    }
}
