namespace OrleansNetOps.Silo.Configuration;

/// <summary>The whole of <c>silo.yaml</c> after environment overrides and validation.</summary>
public sealed record SiloConfig
{
    /// <summary>Where the REST API listens.</summary>
    public HttpConfig Http { get; init; } = new();

    /// <summary>Where grain state and reminders are kept.</summary>
    public StorageConfig Storage { get; init; } = new();

    /// <summary>Who may call the API.</summary>
    public AuthConfig Auth { get; init; } = new();

    /// <summary>Grain runtime tunables.</summary>
    public RuntimeConfig Runtime { get; init; } = new();

    /// <summary>How this silo joins the cluster.</summary>
    public ClusterConfig Cluster { get; init; } = new();

    /// <summary>Telemetry listener ports.</summary>
    public ListenersConfig Listeners { get; init; } = new();

    /// <summary>Whether the network is simulated or real.</summary>
    public NetworkConfig Network { get; init; } = new();

    /// <summary>The assistant's model endpoint (none: offline mode).</summary>
    public OrleansNetOps.Silo.Assistant.AssistantConfig Assistant { get; init; } = new();

    /// <summary>Where incident tickets go (ServiceNow, Jira).</summary>
    public OrleansNetOps.Silo.Itsm.ItsmConfig Itsm { get; init; } = new();

    /// <summary>What the route detectors check against beyond the topology (AS relationships, our prefixes).</summary>
    public OrleansNetOps.Silo.Analysis.AnalysisConfig Analysis { get; init; } = new();
}
