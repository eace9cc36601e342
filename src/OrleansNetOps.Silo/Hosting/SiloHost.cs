using OrleansNetOps.Configuration;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Json;
using OrleansNetOps.Silo.Api;
using OrleansNetOps.Silo.Auth;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Silo.Events;
using OrleansNetOps.Silo.Health;
using OrleansNetOps.Silo.Network;
using OrleansNetOps.Silo.Simulation;
using OrleansNetOps.Silo.Twin;
using OrleansNetOps.Silo.Observability;
using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansNetOps.Collectors.Bmp;
using OrleansNetOps.Postgres;
using OrleansNetOps.Grains.Network;

namespace OrleansNetOps.Silo.Hosting;

/// <summary>
/// The composition root: builds the web application with the grain runtime, storage, auth, problem details,
/// health, metrics, OpenAPI and the API, from a validated <see cref="SiloConfig"/>.
/// </summary>
public static class SiloHost
{
    /// <summary>Builds the application without starting it.</summary>
    /// <exception cref="ConfigException">A setting from the environment (the bootstrap key) is invalid.</exception>
    public static WebApplication Build(SiloHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = options.Config;
        var registry = ApiKeyRegistry.Create(config.Auth, options.BootstrapAdminKey);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. options.Args] });
        SiloLogging.Configure(builder.Logging, options.JsonLogs);
        options.ConfigureLogging?.Invoke(builder.Logging);
        builder.WebHost.UseUrls([.. config.Http.Endpoints]);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(config.Runtime.ShutdownTimeoutSeconds));

        var services = builder.Services;
        services.AddSingleton(config);
        services.AddSingleton(registry);
        services.AddSingleton<StoredKeys>();
        services.AddSingleton(options.Topology ?? TopologyFiles.LoadEmbedded());
        var guardrails = options.Guardrails ?? OrleansNetOps.Governance.Guardrails.GovernancePolicy.Default;
        services.TryAddSingleton(TimeProvider.System);
        builder.UseOrleans(silo =>
        {
            OrleansSilo.Configure(silo, config, [typeof(RouterGrain).Assembly, .. options.GrainAssemblies]);
            silo.AddNetOpsDashboard();
        });
        AddStorage(services, config);
        AddCollectors(services, config);
        OrleansNetOps.Silo.Telemetry.TelemetryServices.AddTelemetryCollectors(services, config);
        OrleansNetOps.Silo.Decisions.DecisionServices.AddDecisions(services, config, guardrails, options.GuardrailsFile, options.Runbooks);
        OrleansNetOps.Silo.Analysis.AnalysisServices.AddAnalysis(services, config);
        OrleansNetOps.Silo.Twin.TwinServices.AddTwinContext(services);
        OrleansNetOps.Silo.Itsm.ItsmServices.AddItsm(services, config);

        OrleansNetOps.Silo.Assistant.AssistantServices.AddAssistant(services, config);
        services.AddSingleton<ReadinessProbe>();
        services.AddSiloMetrics();
        services.AddLiveEvents();

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        RolePolicies.Add(services.AddAuthorizationBuilder());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();

        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Detail ??= ProblemDetailText.Get(context.HttpContext) ?? DefaultDetail(problem.Status, context.HttpContext);
            problem.Instance ??= context.HttpContext.Request.Path;
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<ClusterUnavailableExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        services.AddOpenApi(o => o.AddDocumentTransformer<ApiKeySecuritySchemes>().AddOperationTransformer<ApiKeySecuritySchemes>());

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "docs";
            o.DocumentTitle = "OrleansNetOps API";
            o.SwaggerEndpoint("/openapi/v1.json", "OrleansNetOps v1");
        });
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi().AllowAnonymous();
        HealthEndpoints.Map(app);
        app.MapSiloMetrics();
        app.MapNetOpsDashboard();
        ApiEndpoints.Map(app);
        NetworkEndpoints.Map(app);
        TwinEndpoints.Map(app);
        OrleansNetOps.Silo.Accuracy.TwinAccuracyEndpoints.MapTwinAccuracy(app);
        OrleansNetOps.Silo.Telemetry.TelemetryEndpoints.Map(app);
        OrleansNetOps.Silo.Assistant.AssistantEndpoints.Map(app);
        OrleansNetOps.Silo.Decisions.DecisionEndpoints.MapDecisions(app);
        OrleansNetOps.Silo.Incidents.IncidentEndpoints.MapIncidents(app);
        OrleansNetOps.Silo.Analysis.AnalysisEndpoints.Map(app);
        app.MapLiveEvents();
        OrleansNetOps.Silo.Portal.PortalEndpoints.MapPortal(app);

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OrleansNetOps.Silo");
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            StartupBanner.Log(logger, config, options.ConfigSource, [.. addresses], registry.Keys.Count);
            if (config.Auth.Mode == AuthMode.ApiKey && registry.Keys.Count == 0)
            {
                logger.LogWarning("auth.mode is apikey but no keys are configured: every API call will get 401. Set {Variable} or add auth.keys",
                    ApiKeyRegistry.BootstrapVariable);
            }
        });
        app.Lifetime.ApplicationStopping.Register(() => logger.LogInformation("Shutting down: draining HTTP, then leaving the cluster"));
        return app;
    }

    /// <summary>Builds and starts the application; the returned app listens on its <see cref="WebApplication.Urls"/>.</summary>
    public static async Task<WebApplication> StartAsync(SiloHostOptions options, CancellationToken cancellationToken = default)
    {
        var app = Build(options);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            return app;
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static void AddStorage(IServiceCollection services, SiloConfig config)
    {
        if (config.Storage.Kind != StorageKind.Postgres)
        {
            services.AddSingleton<IStorageReadinessCheck, MemoryStorageReadinessCheck>();
            return;
        }

        var postgres = config.Storage.Postgres!;
        services.AddSingleton(sp => new PostgresDatabase(
            new PostgresOptions { ConnectionString = postgres.ConnectionString, Schema = postgres.Schema }, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sp => new PostgresHealthProbe(sp.GetRequiredService<PostgresDatabase>()));
        services.AddSingleton<IStorageReadinessCheck, PostgresStorageReadinessCheck>();
    }

    private static void AddCollectors(IServiceCollection services, SiloConfig config)
    {
        var address = IPAddress.Parse(config.Listeners.Address);
        services.AddSingleton<BmpRouterSink>();
        services.AddSingleton(sp => new BmpCollector(
            new BmpCollectorOptions { Endpoint = new IPEndPoint(address, config.Listeners.BmpPort) },
            sp.GetRequiredService<BmpRouterSink>(),
            sp.GetRequiredService<ILogger<BmpCollector>>()));
        services.AddHostedService<CollectorsService>();
        services.AddSingleton<SimulatedRoutes>();
        services.AddHostedService<SimulatedNetworkService>();
        services.AddHostedService<SimulatedTrafficRamp>();
    }

    private static string DefaultDetail(int? status, HttpContext context) => status switch
    {
        StatusCodes.Status401Unauthorized => "This endpoint needs an API key: send 'Authorization: Bearer <api key>'.",
        StatusCodes.Status403Forbidden => "The API key may not do this.",
        StatusCodes.Status404NotFound => $"Nothing is served at {context.Request.Method} {context.Request.Path}.",
        StatusCodes.Status405MethodNotAllowed => $"{context.Request.Method} is not allowed on {context.Request.Path}.",
        StatusCodes.Status500InternalServerError => "The service failed while handling the request; the log has the details.",
        _ => "The request could not be handled.",
    };
}
