using System.Reflection;
using OrleansNetOps.Silo.Configuration;

namespace OrleansNetOps.Silo.Hosting;

/// <summary>Everything <see cref="SiloHost"/> needs to build the service; the entry point fills it from args and environment.</summary>
public sealed record SiloHostOptions
{
    /// <summary>The validated configuration.</summary>
    public required SiloConfig Config { get; init; }

    /// <summary>The network topology; the seed topology built into the executable when null.</summary>
    public OrleansNetOps.Topology.NetworkTopology? Topology { get; init; }

    /// <summary>
    /// The guardrails a domain runs until its coordinator has accepted a text (the built-in defaults when null). Not
    /// used when <see cref="GuardrailsFile"/> is set: the file's text is offered to the coordinator instead.
    /// </summary>
    public OrleansNetOps.Governance.Guardrails.GovernancePolicy? Guardrails { get; init; }

    /// <summary>
    /// The <c>guardrails.yaml</c> the silo started with: offered to the domain's coordinator at start, watched, and
    /// offered again when it changes on disk (null: nothing watched, only <c>PUT /api/v1/guardrails</c> changes the guardrails).
    /// </summary>
    public OrleansNetOps.Silo.Decisions.GuardrailsFile? GuardrailsFile { get; init; }

    /// <summary>The <c>runbooks.yaml</c> the silo started with: runbooks and the faults they remedy (null: none).</summary>
    public OrleansNetOps.Silo.Decisions.RunbooksFile? Runbooks { get; init; }

    /// <summary>Where the topology came from, for the start-up banner.</summary>
    public string TopologySource { get; init; } = "embedded:topology.yaml";

    /// <summary>Where the configuration came from, for the start-up banner.</summary>
    public string ConfigSource { get; init; } = "(in code)";

    /// <summary>The value of <c>NETOPS_BOOTSTRAP_ADMIN_KEY</c>: one more key with the admin role.</summary>
    public string? BootstrapAdminKey { get; init; }

    /// <summary>Log JSON lines instead of text (<c>NETOPS_LOG_FORMAT=json</c>).</summary>
    public bool JsonLogs { get; init; }

    /// <summary>Command-line arguments left for ASP.NET Core (the entry point removes <c>--config</c>).</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Assemblies whose grain classes the runtime hosts.</summary>
    public IReadOnlyList<Assembly> GrainAssemblies { get; init; } = [];

    /// <summary>Extra logging set-up after the console logger, e.g. a capturing provider in tests.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }
}
