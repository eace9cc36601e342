namespace OrleansNetOps.Assistant.Kernel;

/// <summary>An OpenAI-compatible chat-completions endpoint (<c>assistant:</c> in <c>silo.yaml</c>).</summary>
/// <param name="Endpoint">Base URL, e.g. <c>http://127.0.0.1:8000/v1</c>; requests go to <c>{Endpoint}/chat/completions</c>.</param>
/// <param name="Model">The model id sent with each request.</param>
/// <param name="ApiKey">The key (read from an environment variable); servers that need none accept any.</param>
/// <param name="Timeout">How long one answer may take before the offline mode answers instead.</param>
public sealed record ModelEndpoint(Uri Endpoint, string Model, string? ApiKey, TimeSpan Timeout);
