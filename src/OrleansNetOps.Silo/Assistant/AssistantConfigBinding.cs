using OrleansNetOps.Configuration;

namespace OrleansNetOps.Silo.Assistant;

/// <summary>Reads the <c>assistant:</c> section, reporting bad fields with file, line and path.</summary>
internal static class AssistantConfigBinding
{
    public static AssistantConfig Bind(YamlSection section)
    {
        var defaults = new AssistantConfig();
        var endpoint = section.String("endpoint");
        var config = new AssistantConfig
        {
            Endpoint = string.IsNullOrWhiteSpace(endpoint) ? null : endpoint,
            Model = section.String("model") ?? defaults.Model,
            ApiKeyVariable = section.String("apiKeyVariable") ?? defaults.ApiKeyVariable,
            TimeoutSeconds = section.Int("timeoutSeconds", defaults.TimeoutSeconds, 1, 600),
            RewardWeights = Weights(section.Section("rewardWeights"), defaults.RewardWeights),
        };
        if (config.Endpoint is { } url && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            section.Report(section.Value("endpoint") ?? section.Anchor, section.Child("endpoint"), $"'{url}' is not an absolute http:// or https:// URL");
        }

        section.Finish();
        return config;
    }

    private static OrleansNetOps.Assistant.Learning.RewardWeights Weights(YamlSection section, OrleansNetOps.Assistant.Learning.RewardWeights defaults)
    {
        var weights = new OrleansNetOps.Assistant.Learning.RewardWeights(
            section.Double("latency", defaults.Latency, 0, 1000),
            section.Double("loss", defaults.Loss, 0, 1000),
            section.Double("cost", defaults.Cost, 0, 1000),
            section.Double("resilience", defaults.Resilience, 0, 1000));
        section.Finish();
        return weights;
    }
}
