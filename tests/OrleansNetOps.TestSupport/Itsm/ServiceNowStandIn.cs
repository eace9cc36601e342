using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OrleansNetOps.TestSupport.Itsm;

/// <summary>
/// A local stand-in for ServiceNow's Table API on <c>/api/now/table/incident</c>: basic auth, encoded-query lookup
/// (<c>sysparm_query=correlation_id=X</c>, <c>sysparm_fields</c>, <c>sysparm_limit</c>), POST → 201 and PATCH → 200
/// with <c>{ "result": { "sys_id", "number", ... } }</c>, work notes kept as a journal, and the data policy that a
/// resolved incident needs <c>close_code</c> and <c>close_notes</c>.
/// </summary>
public sealed class ServiceNowStandIn : IAsyncDisposable
{
    public const string User = "netops.integration";
    public const string Password = "s3cret";
    private const string Table = "/api/now/table/incident";
    private readonly ConcurrentDictionary<string, JsonObject> _incidents = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _next = 10000;

    private ServiceNowStandIn()
    {
    }

    public LocalHttpServer Server { get; private set; } = null!;

    /// <summary>The incidents, oldest first.</summary>
    public IReadOnlyList<JsonObject> Incidents
    {
        get
        {
            lock (_gate)
            {
                return [.. _incidents.Values.OrderBy(i => i["number"]!.GetValue<string>(), StringComparer.Ordinal)];
            }
        }
    }

    public static async Task<ServiceNowStandIn> StartAsync()
    {
        var standIn = new ServiceNowStandIn();
        standIn.Server = await LocalHttpServer.StartAsync(standIn.Map);
        return standIn;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private void Map(WebApplication app)
    {
        app.MapGet(Table, (HttpRequest request) =>
        {
            if (!LocalHttpServer.Authorized(request, User, Password))
            {
                return Unauthenticated();
            }

            var query = request.Query["sysparm_query"].ToString();
            var limit = int.TryParse(request.Query["sysparm_limit"], CultureInfo.InvariantCulture, out var l) ? l : 10_000;
            var fields = request.Query["sysparm_fields"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
            var matches = Incidents.Where(i => Matches(i, query)).Take(limit).Select(i => Project(i, fields));
            return Results.Json(new JsonObject { ["result"] = new JsonArray([.. matches]) });
        });

        app.MapPost(Table, async (HttpRequest request) =>
        {
            if (!LocalHttpServer.Authorized(request, User, Password))
            {
                return Unauthenticated();
            }

            var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
            JsonObject record;
            lock (_gate)
            {
                _next++;
                record = new JsonObject
                {
                    ["sys_id"] = Guid.NewGuid().ToString("N"),
                    ["number"] = string.Create(CultureInfo.InvariantCulture, $"INC{_next:D7}"),
                    ["state"] = "1",
                    ["work_notes_journal"] = new JsonArray(),
                };
                Merge(record, body);
                _incidents[record["sys_id"]!.GetValue<string>()] = record;
            }

            return Results.Json(new JsonObject { ["result"] = Public(record) }, statusCode: StatusCodes.Status201Created);
        });

        app.MapMethods(Table + "/{sysId}", ["PATCH"], async (string sysId, HttpRequest request) =>
        {
            if (!LocalHttpServer.Authorized(request, User, Password))
            {
                return Unauthenticated();
            }

            if (!_incidents.TryGetValue(sysId, out var record))
            {
                return Results.Json(new JsonObject { ["error"] = new JsonObject { ["message"] = "No Record found", ["detail"] = "Record doesn't exist or ACL restricts the record retrieval" }, ["status"] = "failure" },
                    statusCode: StatusCodes.Status404NotFound);
            }

            var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
            if (body["state"]?.GetValue<string>() == "6" && (body["close_code"] is null || body["close_notes"] is null))
            {
                return Results.Json(new JsonObject { ["error"] = new JsonObject { ["message"] = "Operation Failed", ["detail"] = "Data Policy Exception: \n\tThe following fields are mandatory: Resolution code, Resolution notes" }, ["status"] = "failure" },
                    statusCode: StatusCodes.Status403Forbidden);
            }

            lock (_gate)
            {
                Merge(record, body);
            }

            return Results.Json(new JsonObject { ["result"] = Public(record) });
        });
    }

    private static IResult Unauthenticated() =>
        Results.Json(new JsonObject { ["error"] = new JsonObject { ["message"] = "User Not Authenticated", ["detail"] = "Required to provide Auth information" }, ["status"] = "failure" },
            statusCode: StatusCodes.Status401Unauthorized);

    // Only the "field=value" form of an encoded query, as the adapter sends it.
    private static bool Matches(JsonObject incident, string query)
    {
        if (query.Length == 0)
        {
            return true;
        }

        var parts = query.Split('=', 2);
        return parts.Length == 2 && incident[parts[0]]?.GetValue<string>() == parts[1];
    }

    private static void Merge(JsonObject record, JsonObject body)
    {
        foreach (var (name, value) in body)
        {
            if (name == "work_notes")
            {
                record["work_notes_journal"]!.AsArray().Add(value?.GetValue<string>());
            }
            else
            {
                record[name] = value?.DeepClone();
            }
        }
    }

    private static JsonObject Public(JsonObject record)
    {
        var copy = record.DeepClone().AsObject();
        copy.Remove("work_notes_journal");
        return copy;
    }

    private static JsonObject Project(JsonObject record, string[] fields)
    {
        var copy = Public(record);
        if (fields.Length == 0)
        {
            return copy;
        }

        var projected = new JsonObject();
        foreach (var field in fields)
        {
            projected[field] = copy[field]?.DeepClone();
        }

        return projected;
    }
}
