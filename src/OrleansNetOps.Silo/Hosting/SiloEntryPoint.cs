using OrleansNetOps.Configuration;
using OrleansNetOps.Silo.Network;
using OrleansNetOps.Silo.Auth;
using OrleansNetOps.Silo.Configuration;
using OrleansNetOps.Silo.Observability;

namespace OrleansNetOps.Silo.Hosting;

/// <summary>
/// What <c>Main</c> does, callable in-process: resolve and load the configuration, build and run the host until
/// SIGTERM/Ctrl-C. Exit codes: 0 after a clean shutdown, 2 for a configuration error, 1 for any other start failure.
/// </summary>
public static class SiloEntryPoint
{
    /// <summary>The exit code for a configuration the silo cannot use.</summary>
    public const int ConfigurationErrorExitCode = 2;

    /// <summary>The exit code for any other failure to start.</summary>
    public const int StartFailureExitCode = 1;

    /// <summary>Runs the silo.</summary>
    /// <param name="args">Command-line arguments: <c>--config PATH</c> (or <c>--config=PATH</c>); the rest go to ASP.NET Core.</param>
    /// <param name="environment">The environment variables (the process's, normally).</param>
    /// <param name="errors">Where configuration errors are written (standard error, normally).</param>
    /// <param name="cancellationToken">Stops the silo as SIGTERM would.</param>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> environment, TextWriter errors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(errors);
        SiloHostOptions options;
        try
        {
            options = Prepare(args, environment);
        }
        catch (ConfigException exception)
        {
            await errors.WriteLineAsync($"OrleansNetOps silo: the configuration is invalid; not starting.{Environment.NewLine}{exception.Message}")
                .ConfigureAwait(false);
            return ConfigurationErrorExitCode;
        }

        WebApplication app;
        try
        {
            app = await SiloHost.StartAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (ConfigException exception)
        {
            await errors.WriteLineAsync($"OrleansNetOps silo: the configuration is invalid; not starting.{Environment.NewLine}{exception.Message}")
                .ConfigureAwait(false);
            return ConfigurationErrorExitCode;
        }
#pragma warning disable CA1031 // Whatever stops the start (a port in use, say) becomes an exit code and a message, not a crash dump.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            await errors.WriteLineAsync($"OrleansNetOps silo: failed to start: {exception.Message}").ConfigureAwait(false);
            return StartFailureExitCode;
        }

        await using (app.ConfigureAwait(false))
        {
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>Resolves the file, loads and validates it, and gathers the environment settings.</summary>
    /// <exception cref="ConfigException">The configuration cannot be used.</exception>
    internal static SiloHostOptions Prepare(IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> environment)
    {
        var (configPath, rest) = SplitConfigArgument(args);
        configPath ??= environment.GetValueOrDefault(ConfigFileLocator.ConfigVariable);
        var choice = ConfigFileLocator.Resolve(configPath, Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
        var config = choice.Path is null
            ? SiloConfigLoader.LoadEmbedded(environment)
            : SiloConfigLoader.LoadFile(choice.Path, environment, choice.DisplayName);
        var (topology, topologySource) = TopologyFiles.Resolve(config.Network.TopologyFile, choice.Path);
        config = config with { Analysis = config.Analysis.RelativeTo(choice.Path) };
        var guardrailsPath = choice.Path is null ? null : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(choice.Path))!, "guardrails.yaml");
        var guardrailsFile = guardrailsPath is not null && File.Exists(guardrailsPath)
            ? OrleansNetOps.Silo.Decisions.GuardrailsFile.Load(guardrailsPath, Path.GetRelativePath(Directory.GetCurrentDirectory(), guardrailsPath))
            : null;
        var runbooksPath = choice.Path is null ? null : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(choice.Path))!, OrleansNetOps.Silo.Decisions.RunbooksFile.FileName);
        var runbooks = runbooksPath is not null && File.Exists(runbooksPath)
            ? OrleansNetOps.Silo.Decisions.RunbooksFile.Load(runbooksPath, Path.GetRelativePath(Directory.GetCurrentDirectory(), runbooksPath), environment)
            : null;
        return new SiloHostOptions
        {
            Config = config,
            Topology = topology,
            Guardrails = guardrailsFile?.Policy,
            GuardrailsFile = guardrailsFile,
            Runbooks = runbooks,
            TopologySource = topologySource,
            ConfigSource = choice.DisplayName,
            BootstrapAdminKey = environment.GetValueOrDefault(ApiKeyRegistry.BootstrapVariable),
            JsonLogs = string.Equals(environment.GetValueOrDefault(SiloLogging.FormatVariable), "json", StringComparison.OrdinalIgnoreCase),
            Args = rest,
        };
    }

    private static (string? ConfigPath, List<string> Remaining) SplitConfigArgument(IReadOnlyList<string> args)
    {
        string? path = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--config")
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new ConfigException(new ConfigError("--config", string.Empty, "needs a file path: --config PATH"));
                }

                path = args[++i];
            }
            else if (args[i].StartsWith("--config=", StringComparison.Ordinal))
            {
                path = args[i]["--config=".Length..];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        return (path, rest);
    }
}
