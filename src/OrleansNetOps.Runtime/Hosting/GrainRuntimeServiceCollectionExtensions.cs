using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace OrleansNetOps.Runtime;

/// <summary>Registers the grain runtime and its in-memory providers.</summary>
public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>Adds the runtime: <see cref="IGrainFactory"/>, <see cref="Silo"/> (also as a hosted service).</summary>
    public static IGrainRuntimeBuilder AddGrainRuntime(this IServiceCollection services, Action<GrainRuntimeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registrations = new GrainRegistrations();
        services.AddOptions<GrainRuntimeOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(registrations);
        services.TryAddSingleton<GrainRuntime>();
        services.TryAddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());
        services.TryAddSingleton(sp => new Silo(sp.GetRequiredService<GrainRuntime>(), sp));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<Silo>());
        return new GrainRuntimeBuilder(services, registrations);
    }

    /// <summary>Adds an in-memory grain state store under <paramref name="name"/>.</summary>
    public static IGrainRuntimeBuilder AddMemoryGrainStorage(this IGrainRuntimeBuilder builder, string name = PersistentStateAttribute.DefaultStorageName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddKeyedSingleton<IGrainStorage>(name, new MemoryGrainStorage());
        return builder;
    }

    /// <summary>Keeps reminders in memory (they do not survive a restart).</summary>
    public static IGrainRuntimeBuilder AddMemoryReminders(this IGrainRuntimeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<IReminderTable, MemoryReminderTable>();
        return builder;
    }

    /// <summary>Adds an in-memory stream provider under <paramref name="name"/>.</summary>
    public static IGrainRuntimeBuilder AddMemoryStreams(this IGrainRuntimeBuilder builder, string name, Action<MemoryStreamOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new MemoryStreamOptions();
        configure?.Invoke(options);
        if (options.Capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(configure), options.Capacity, "MemoryStreamOptions.Capacity must be at least 1.");
        }

        builder.Services.AddSingleton(sp => new MemoryStreamProviderRegistration(new MemoryStreamProvider(name, options, sp.GetRequiredService<GrainRuntime>())));
        builder.Services.AddKeyedSingleton<IStreamProvider>(name, (sp, _) =>
            sp.GetServices<MemoryStreamProviderRegistration>().First(r => r.Provider.Name == name).Provider);
        return builder;
    }
}
