namespace OrleansNetOps.Assistant;

/// <summary>The answer of <c>POST /api/v1/assistant/ask</c>.</summary>
/// <param name="Answer">The answer in plain language.</param>
/// <param name="Sources">The API reads it rests on (<c>GET /api/v1/routers/R2</c>…).</param>
/// <param name="Mode"><c>llm</c> or <c>offline</c>.</param>
public sealed record AssistantAnswer(string Answer, IReadOnlyList<string> Sources, string Mode);
