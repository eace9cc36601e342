using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace OrleansNetOps.Silo.Tests.Assistant;

/// <summary>
/// A local HTTP server speaking the OpenAI chat-completions wire format (POST /v1/chat/completions, tool calls included).
/// Each request goes to a script that sees the whole conversation so far, as a real model does, and answers with either
/// tool calls or a message.
/// </summary>
internal sealed class OpenAiCompatibleServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OpenAiCompatibleServer(WebApplication app) => _app = app;

    public ConcurrentQueue<JsonElement> Requests { get; } = new();

    public Uri BaseUrl => new(_app.Urls.Single() + "/v1");

    public static async Task<OpenAiCompatibleServer> StartAsync(Func<JsonElement, JsonObject> script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new OpenAiCompatibleServer(app);
        app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body);
            var request = document.RootElement.Clone();
            server.Requests.Enqueue(request);
            var message = script(request);
            var toolCalls = message["tool_calls"] is not null;
            var response = new JsonObject
            {
                ["id"] = "chatcmpl-" + server.Requests.Count,
                ["object"] = "chat.completion",
                ["created"] = 1_765_000_000,
                ["model"] = request.GetProperty("model").GetString(),
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = message,
                    ["finish_reason"] = toolCalls ? "tool_calls" : "stop",
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 10, ["total_tokens"] = 20 },
            };
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.ToJsonString());
        });
        await app.StartAsync();
        return server;
    }

    /// <summary>An assistant message calling one function with JSON arguments.</summary>
    public static JsonObject ToolCall(string name, object arguments) => new()
    {
        ["role"] = "assistant",
        ["content"] = null,
        ["tool_calls"] = new JsonArray(new JsonObject
        {
            ["id"] = "call_" + name,
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = name, ["arguments"] = JsonSerializer.Serialize(arguments) },
        }),
    };

    /// <summary>An assistant message with text.</summary>
    public static JsonObject Say(string text) => new() { ["role"] = "assistant", ["content"] = text };

    /// <summary>The results of the tool calls the conversation carries, by call id.</summary>
    public static IReadOnlyDictionary<string, string> ToolResults(JsonElement request) =>
        request.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("role").GetString() == "tool")
            .ToDictionary(m => m.GetProperty("tool_call_id").GetString()!, m => Content(m));

    private static string Content(JsonElement message) =>
        message.GetProperty("content") is { ValueKind: JsonValueKind.String } text
            ? text.GetString()!
            : string.Concat(message.GetProperty("content").EnumerateArray().Select(p => p.GetProperty("text").GetString()));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
