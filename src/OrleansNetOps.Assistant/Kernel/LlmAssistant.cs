using System.Text.Json;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OrleansNetOps.Assistant.State;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Assistant.Kernel;

/// <summary>
/// The assistant on Semantic Kernel: a chat model behind an OpenAI-compatible endpoint, with <see cref="NetOpsPlugin"/>'s
/// functions invoked automatically. Answers cite the API reads the functions made; intents come back as the change the
/// model proposed through <c>propose_change</c>, which the caller validates like any other proposal.
/// </summary>
public sealed class LlmAssistant
{
    private const string AskPrompt =
        "You are the NOC assistant of OrleansNetOps. Answer questions about the network only from the functions' results; "
        + "cite router ids, sessions, prefixes and values exactly as the functions return them. If the data is not available, say so.";

    private const string IntentPrompt =
        "You turn an operator's intent into exactly one catalogue change by calling propose_change once. You cannot execute, approve "
        + "or skip approval: every proposal goes through the digital twin, the guardrails and human approval. Read state first when "
        + "you need to know which router peers an ISP.";

    private readonly ModelEndpoint _endpoint;
    private readonly HttpClient _http;

    /// <summary>An assistant on <paramref name="endpoint"/>, sending requests with <paramref name="http"/>.</summary>
    public LlmAssistant(ModelEndpoint endpoint, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(http);
        _endpoint = endpoint;
        _http = http;
    }

    /// <summary>Answers a question, letting the model read state through the plugin.</summary>
    public async Task<AssistantAnswer> AskAsync(string question, NetworkStateReader state, CancellationToken cancellationToken = default)
    {
        var (kernel, _) = Build(state);
        var reply = await ChatAsync(kernel, AskPrompt, question, cancellationToken).ConfigureAwait(false);
        return new AssistantAnswer(reply, state.Sources, "llm");
    }

    /// <summary>
    /// Asks the model for the change an intent means. Returns the change it proposed (the last, if several) with its words,
    /// or null with its words when it proposed nothing readable.
    /// </summary>
    public async Task<(CatalogueChange? Change, string Explanation, IReadOnlyList<string> Problems)> ProposeAsync(
        string text, NetworkStateReader state, CancellationToken cancellationToken = default)
    {
        var (kernel, plugin) = Build(state);
        var reply = await ChatAsync(kernel, IntentPrompt, text, cancellationToken).ConfigureAwait(false);
        if (plugin.Proposals.Count == 0)
        {
            return (null, reply, ["the model proposed no change"]);
        }

        using var document = JsonDocument.Parse(plugin.Proposals[^1]);
        var problems = new List<string>();
        var changes = TwinChangeJson.Read(document.RootElement, "proposed", problems);
        var change = changes.OfType<CatalogueChange>().FirstOrDefault();
        if (change is null && problems.Count == 0)
        {
            problems.Add("proposed.action: not a catalogue action (network events are not things we can do)");
        }

        return (problems.Count == 0 ? change : null, reply, problems);
    }

    private (Microsoft.SemanticKernel.Kernel Kernel, NetOpsPlugin Plugin) Build(NetworkStateReader state)
    {
        var builder = Microsoft.SemanticKernel.Kernel.CreateBuilder();
#pragma warning disable SKEXP0010 // The custom-endpoint overload is what makes any OpenAI-compatible server usable.
        builder.AddOpenAIChatCompletion(_endpoint.Model, _endpoint.Endpoint, _endpoint.ApiKey ?? "none", httpClient: _http);
#pragma warning restore SKEXP0010
        var plugin = new NetOpsPlugin(state);
        builder.Plugins.AddFromObject(plugin, "netops");
        return (builder.Build(), plugin);
    }

    private async Task<string> ChatAsync(Microsoft.SemanticKernel.Kernel kernel, string system, string user, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_endpoint.Timeout);
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var history = new ChatHistory(system);
        history.AddUserMessage(user);
        var settings = new OpenAIPromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(), Temperature = 0 };
        var reply = await chat.GetChatMessageContentAsync(history, settings, kernel, timeout.Token).ConfigureAwait(false);
        return reply.Content ?? string.Empty;
    }
}
