using OrleansNetOps.Assistant.Intents;
using OrleansNetOps.Assistant.Kernel;
using OrleansNetOps.Assistant.Questions;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Silo.Assistant;

/// <summary>Registers the assistant: the offline parser and answerer always, the Semantic Kernel assistant when an endpoint is configured.</summary>
internal static class AssistantServices
{
    /// <summary>The named HttpClient the assistant reads the service's own API with.</summary>
    public const string SelfClient = "assistant-self";

    public static IServiceCollection AddAssistant(this IServiceCollection services, SiloConfig config)
    {
        services.AddHttpClient(SelfClient);
        services.AddSingleton(sp => new IntentParser(sp.GetRequiredService<NetworkTopology>()));
        services.AddSingleton(sp => new OfflineAnswerer(sp.GetRequiredService<NetworkTopology>()));
        if (config.Assistant.Endpoint is { } endpoint)
        {
            var model = new ModelEndpoint(new Uri(endpoint), config.Assistant.Model, Environment.GetEnvironmentVariable(config.Assistant.ApiKeyVariable),
                TimeSpan.FromSeconds(config.Assistant.TimeoutSeconds));
            services.AddHttpClient<LlmAssistant>(http => http.Timeout = Timeout.InfiniteTimeSpan)
                .AddTypedClient((http, _) => new LlmAssistant(model, http));
        }

        return services;
    }
}
