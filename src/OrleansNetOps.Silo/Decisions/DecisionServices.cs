using OrleansNetOps.Governance.Audit;
using OrleansNetOps.Governance.Guardrails;
using OrleansNetOps.Grains.Audit;
using OrleansNetOps.Grains.Coordination;
using OrleansNetOps.Grains.Events;
using OrleansNetOps.Postgres;
using OrleansNetOps.Postgres.Audit;
using OrleansNetOps.Silo.Configuration;

namespace OrleansNetOps.Silo.Decisions;

/// <summary>The decision half's services: how a silo reads the domain's guardrails (and offers its file to them), the audit trail for the storage shape, and the per-router driver with the runbooks (the SLA verifier reads the probe series from the metric store).</summary>
internal static class DecisionServices
{
    public static void AddDecisions(this IServiceCollection services, SiloConfig config, GovernancePolicy guardrails, GuardrailsFile? guardrailsFile, RunbooksFile? runbooks)
    {
        // A file's text reaches the domain through its coordinator (audited); until a text is accepted the domain
        // runs the built-in defaults, or the policy the host was given in code when there is no file.
        services.AddSingleton(new GuardrailsSource(guardrailsFile is null ? guardrails : GovernancePolicy.Default));
        if (guardrailsFile is not null)
        {
            services.AddHostedService(sp => new GuardrailsFileWatcher(guardrailsFile, sp.GetRequiredService<IGrainFactory>(), NetOpsStreams.DefaultDomain,
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<GuardrailsFileWatcher>>()));
        }

        if (config.Storage.Kind == StorageKind.Postgres)
        {
            services.AddSingleton<IAuditTrail>(sp => new PostgresAuditTrail(sp.GetRequiredService<PostgresDatabase>()));
        }
        else
        {
            services.AddSingleton<IAuditTrail, MemoryAuditTrail>();
        }

        services.AddRouterDrivers(config, runbooks);
    }
}
