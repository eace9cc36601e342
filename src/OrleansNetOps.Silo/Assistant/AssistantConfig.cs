namespace OrleansNetOps.Silo.Assistant;

/// <summary>
/// <c>assistant:</c> in <c>silo.yaml</c>: the OpenAI-compatible endpoint the assistant talks to. Without an endpoint
/// (the embedded default) the assistant answers offline with its deterministic parser and templates.
/// </summary>
public sealed record AssistantConfig
{
    /// <summary>Base URL of the chat-completions API (e.g. <c>http://127.0.0.1:8000/v1</c>); null for offline mode.</summary>
    public string? Endpoint { get; init; }

    /// <summary>The model id.</summary>
    public string Model { get; init; } = "gpt-4o-mini";

    /// <summary>The environment variable holding the API key (the key itself never sits in a file).</summary>
    public string ApiKeyVariable { get; init; } = "NETOPS_ASSISTANT_API_KEY";

    /// <summary>How long a model may take before the offline mode answers instead.</summary>
    public int TimeoutSeconds { get; init; } = 30;

    /// <summary>
    /// The learning reward's weights (<c>rewardWeights: { latency, loss, cost, resilience }</c>):
    /// R = −w1·Δlatency − w2·Δloss − w3·Δcost + w4·Δresilience.
    /// </summary>
    public OrleansNetOps.Assistant.Learning.RewardWeights RewardWeights { get; init; } = new();
}
