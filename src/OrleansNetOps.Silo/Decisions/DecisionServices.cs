using OrleansNetOps.Governance.Audit;
using OrleansNetOps.Governance.Guardrails;
using OrleansNetOps.Grains.Audit;
using OrleansNetOps.Grains.Coordination;
using OrleansNetOps.Postgres;
using OrleansNetOps.Postgres.Audit;
using OrleansNetOps.Silo.Configuration;

namespace OrleansNetOps.Silo.Decisions;

/// <summary>The decision half's services: guardrails in force, the audit trail for the storage shape, and the per-router driver (the SLA verifier reads the probe series from the metric store).</summary>
internal static class DecisionServices
{
    public static void AddDecisions(this IServiceCollection services, SiloConfig config, GovernancePolicy guardrails, GuardrailsFile? guardrailsFile)
    {
        services.AddSingleton(new GuardrailsSource(guardrails, guardrailsFile?.Text));
        services.AddSingleton<GuardrailsChanges>();
        if (guardrailsFile is not null)
        {
            services.AddHostedService(sp => new GuardrailsFileWatcher(guardrailsFile, sp.GetRequiredService<GuardrailsChanges>(),
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

        services.AddRouterDrivers(config);
    }
}
