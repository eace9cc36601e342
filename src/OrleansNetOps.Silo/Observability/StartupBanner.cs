using OrleansNetOps.Silo.Configuration;

namespace OrleansNetOps.Silo.Observability;

/// <summary>What the silo tells the operator once it listens.</summary>
internal static class StartupBanner
{
    public static readonly IReadOnlyList<string> AuthOffWarning =
    [
        "****************************************************************************",
        "*  AUTHENTICATION IS OFF  (auth.mode: none)                                *",
        "*  Every request is treated as an ADMIN: anyone who can reach these URLs   *",
        "*  can change routing policy. Use auth.mode: apikey on any shared network. *",
        "****************************************************************************",
    ];

    public static void Log(ILogger logger, SiloConfig config, string configSource, IReadOnlyCollection<string> urls, int keyCount)
    {
        if (config.Auth.Mode == AuthMode.None)
        {
            // One event per line: single-line console output would otherwise fold the block into one long line.
            foreach (var line in AuthOffWarning)
            {
                logger.LogWarning("{AuthWarning}", line);
            }
        }

        var first = urls.FirstOrDefault() ?? "(no address)";
        logger.LogInformation(
            "OrleansNetOps silo started. Listening on {Urls}; storage {StorageKind}; auth {AuthMode}{KeyCount}; network {Network}; config {ConfigSource}; API docs {DocsUrl}",
            string.Join(", ", urls),
            config.Storage.Kind.ToString().ToLowerInvariant(),
            config.Auth.Mode.ToString().ToLowerInvariant(),
            config.Auth.Mode == AuthMode.ApiKey ? $" ({keyCount} keys)" : string.Empty,
            config.Network.Simulated ? "simulated" : "real",
            configSource,
            $"{first.TrimEnd('/')}/docs");
    }
}
