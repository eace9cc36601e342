using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OrleansNetOps.TestSupport.Itsm;

/// <summary>
/// A local stand-in for Jira's REST API v2: create issues in project OPS (<c>fields.project.key</c>, <c>summary</c>,
/// <c>issuetype</c> required, 400 with <c>errors</c> otherwise), JQL search on project and label, comments, and a
/// workflow Open → Resolved (<c>Resolve Issue</c>, 31) → Closed (<c>Close Issue</c>, 41) through
/// <c>/transitions</c>, with 400 for a transition the status does not offer.
/// </summary>
public sealed partial class JiraStandIn : IAsyncDisposable
{
    public const string User = "netops-bot@example.com";
    public const string Token = "api-token-1";
    private readonly ConcurrentDictionary<string, Issue> _issues = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _next;

    private JiraStandIn()
    {
    }

    public LocalHttpServer Server { get; private set; } = null!;

    public IReadOnlyList<Issue> Issues => [.. _issues.Values.OrderBy(i => i.Id)];

    public static async Task<JiraStandIn> StartAsync()
    {
        var standIn = new JiraStandIn();
        standIn.Server = await LocalHttpServer.StartAsync(standIn.Map);
        return standIn;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private static readonly Dictionary<string, (string Id, string Name, string To)[]> s_workflow = new(StringComparer.Ordinal)
    {
        ["Open"] = [("21", "Start Progress", "In Progress"), ("31", "Resolve Issue", "Resolved")],
        ["In Progress"] = [("31", "Resolve Issue", "Resolved")],
        ["Resolved"] = [("41", "Close Issue", "Closed"), ("51", "Reopen Issue", "Open")],
        ["Closed"] = [("51", "Reopen Issue", "Open")],
    };

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (!LocalHttpServer.Authorized(context.Request, User, Token))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsJsonAsync(new JsonObject { ["errorMessages"] = new JsonArray("You are not authenticated. Authentication required to perform this operation.") });
                return;
            }

            await next(context);
        });

        app.MapPost("/rest/api/2/issue", async (HttpRequest request) =>
        {
            var fields = (await JsonNode.ParseAsync(request.Body))?["fields"];
            var errors = new JsonObject();
            if (fields?["project"]?["key"]?.GetValue<string>() != "OPS")
            {
                errors["project"] = "valid project is required";
            }

            if (string.IsNullOrEmpty(fields?["summary"]?.GetValue<string>()))
            {
                errors["summary"] = "You must specify a summary of the issue.";
            }

            if (fields?["issuetype"]?["name"] is null)
            {
                errors["issuetype"] = "issue type is required";
            }

            if (errors.Count > 0)
            {
                return Results.Json(new JsonObject { ["errorMessages"] = new JsonArray(), ["errors"] = errors }, statusCode: StatusCodes.Status400BadRequest);
            }

            Issue issue;
            lock (_gate)
            {
                _next++;
                issue = new Issue(10000 + _next, string.Create(CultureInfo.InvariantCulture, $"OPS-{_next}"), fields!["summary"]!.GetValue<string>(),
                    fields["description"]?.GetValue<string>() ?? string.Empty,
                    [.. (fields["labels"]?.AsArray() ?? []).Select(l => l!.GetValue<string>())]);
                _issues[issue.Key] = issue;
            }

            return Results.Json(new JsonObject { ["id"] = issue.Id.ToString(CultureInfo.InvariantCulture), ["key"] = issue.Key, ["self"] = $"http://jira/rest/api/2/issue/{issue.Id}" },
                statusCode: StatusCodes.Status201Created);
        });

        app.MapGet("/rest/api/2/search", (HttpRequest request) =>
        {
            var jql = request.Query["jql"].ToString();
            var project = ProjectClause().Match(jql);
            var label = LabelClause().Match(jql);
            if (!project.Success || !label.Success)
            {
                return Results.Json(new JsonObject { ["errorMessages"] = new JsonArray($"Error in the JQL Query: '{jql}'") }, statusCode: StatusCodes.Status400BadRequest);
            }

            var found = Issues.Where(i => project.Groups[1].Value == "OPS" && i.Labels.Contains(label.Groups[1].Value)).ToList();
            var max = int.TryParse(request.Query["maxResults"], CultureInfo.InvariantCulture, out var m) ? m : 50;
            return Results.Json(new JsonObject
            {
                ["startAt"] = 0,
                ["maxResults"] = max,
                ["total"] = found.Count,
                ["issues"] = new JsonArray([.. found.Take(max).Select(i => (JsonNode)new JsonObject { ["id"] = i.Id.ToString(CultureInfo.InvariantCulture), ["key"] = i.Key, ["fields"] = new JsonObject() })]),
            });
        });

        app.MapGet("/rest/api/2/issue/{key}", (string key) =>
            _issues.TryGetValue(key, out var issue)
                ? Results.Json(new JsonObject { ["id"] = issue.Id.ToString(CultureInfo.InvariantCulture), ["key"] = key, ["fields"] = new JsonObject { ["status"] = new JsonObject { ["name"] = issue.Status } } })
                : NotFound());

        app.MapGet("/rest/api/2/issue/{key}/comment", (string key) =>
            _issues.TryGetValue(key, out var issue)
                ? Results.Json(new JsonObject
                {
                    ["total"] = issue.Comments.Count,
                    ["comments"] = new JsonArray([.. issue.Comments.Select((c, i) => (JsonNode)new JsonObject { ["id"] = (i + 1).ToString(CultureInfo.InvariantCulture), ["body"] = c })]),
                })
                : NotFound());

        app.MapPost("/rest/api/2/issue/{key}/comment", async (string key, HttpRequest request) =>
        {
            if (!_issues.TryGetValue(key, out var issue))
            {
                return NotFound();
            }

            var body = (await JsonNode.ParseAsync(request.Body))?["body"]?.GetValue<string>() ?? string.Empty;
            lock (_gate)
            {
                issue.Comments.Add(body);
            }

            return Results.Json(new JsonObject { ["id"] = issue.Comments.Count.ToString(CultureInfo.InvariantCulture), ["body"] = body }, statusCode: StatusCodes.Status201Created);
        });

        app.MapGet("/rest/api/2/issue/{key}/transitions", (string key) =>
            _issues.TryGetValue(key, out var issue)
                ? Results.Json(new JsonObject
                {
                    ["transitions"] = new JsonArray([.. s_workflow[issue.Status].Select(t => (JsonNode)new JsonObject { ["id"] = t.Id, ["name"] = t.Name, ["to"] = new JsonObject { ["name"] = t.To } })]),
                })
                : NotFound());

        app.MapPost("/rest/api/2/issue/{key}/transitions", async (string key, HttpRequest request) =>
        {
            if (!_issues.TryGetValue(key, out var issue))
            {
                return NotFound();
            }

            var id = (await JsonNode.ParseAsync(request.Body))?["transition"]?["id"]?.GetValue<string>();
            lock (_gate)
            {
                var transition = s_workflow[issue.Status].FirstOrDefault(t => t.Id == id);
                if (transition.Id is null)
                {
                    return Results.Json(new JsonObject { ["errorMessages"] = new JsonArray($"Transition id '{id}' is not valid for this issue."), ["errors"] = new JsonObject() },
                        statusCode: StatusCodes.Status400BadRequest);
                }

                issue.Status = transition.To;
                issue.History.Add(transition.To);
            }

            return Results.NoContent();
        });
    }

    private static IResult NotFound() =>
        Results.Json(new JsonObject { ["errorMessages"] = new JsonArray("Issue does not exist or you do not have permission to see it."), ["errors"] = new JsonObject() },
            statusCode: StatusCodes.Status404NotFound);

    [GeneratedRegex("project = \"([^\"]+)\"")]
    private static partial Regex ProjectClause();

    [GeneratedRegex("labels = \"([^\"]+)\"")]
    private static partial Regex LabelClause();

    public sealed class Issue(int id, string key, string summary, string description, List<string> labels)
    {
        public int Id { get; } = id;

        public string Key { get; } = key;

        public string Summary { get; } = summary;

        public string Description { get; } = description;

        public List<string> Labels { get; } = labels;

        public List<string> Comments { get; } = [];

        public string Status { get; set; } = "Open";

        public List<string> History { get; } = [];
    }
}
