using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrleansNetOps.Runtime.Postgres;

/// <summary>Registers the PostgreSQL providers the way the runtime resolves them.</summary>
public static class PostgresServiceCollectionExtensions
{
    /// <summary>The service key of the reminder table's <see cref="PostgresDatabase"/> and <see cref="PostgresHealthProbe"/>.</summary>
    public const string RemindersKey = "netops-reminders";

    /// <summary>
    /// Registers a PostgreSQL grain state store under <paramref name="name"/>: a keyed <see cref="IGrainStorage"/>,
    /// plus a keyed <see cref="PostgresDatabase"/> (its pool, disposed with the container) and
    /// <see cref="PostgresHealthProbe"/> under the same key.
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="name">The store name grains give in <c>[PersistentState("state", name)]</c>.</param>
    /// <param name="configure">Fills in the options; they are validated here, so a mistake fails at start-up.</param>
    public static IServiceCollection AddPostgresGrainStorage(this IServiceCollection services, string name, Action<PostgresOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        AddDatabase(services, name, configure);
        services.AddKeyedSingleton<IGrainStorage>(name, static (provider, key) =>
            new PostgresGrainStorage(provider.GetRequiredKeyedService<PostgresDatabase>(key)));
        return services;
    }

    /// <summary>
    /// Registers the PostgreSQL reminder table as the <see cref="IReminderTable"/>, with its
    /// <see cref="PostgresDatabase"/> and <see cref="PostgresHealthProbe"/> keyed by <see cref="RemindersKey"/>.
    /// </summary>
    public static IServiceCollection AddPostgresReminders(this IServiceCollection services, Action<PostgresOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddDatabase(services, RemindersKey, configure);
        services.AddSingleton<IReminderTable>(static provider =>
            new PostgresReminderTable(provider.GetRequiredKeyedService<PostgresDatabase>(RemindersKey)));
        return services;
    }

    private static void AddDatabase(IServiceCollection services, string key, Action<PostgresOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new PostgresOptions();
        configure(options);
        options.Validate();
        services.AddKeyedSingleton(key, (provider, _) => new PostgresDatabase(options, provider.GetService<ILoggerFactory>()));
        services.AddKeyedSingleton(key, static (provider, serviceKey) =>
            new PostgresHealthProbe(provider.GetRequiredKeyedService<PostgresDatabase>(serviceKey)));
    }
}
