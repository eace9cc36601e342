namespace OrleansNetOps.Silo.Observability;

/// <summary>Console logging: one line per event for people, or JSON per line for collectors (<c>NETOPS_LOG_FORMAT=json</c>).</summary>
internal static class SiloLogging
{
    public const string FormatVariable = "NETOPS_LOG_FORMAT";

    public static void Configure(ILoggingBuilder logging, bool json)
    {
        logging.ClearProviders();
        if (json)
        {
            logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.UseUtcTimestamp = true;
            });
        }
        else
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
                o.UseUtcTimestamp = true;
            });
        }

        // Per-request framework logs drown the silo's own; warnings from them still show.
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // Orleans ("Orleans." — not our own "OrleansNetOps") narrates its start-up (every option, every stream agent) at Information; keep what an operator needs:
        // the silo's own lifecycle and cluster membership changes, and every warning.
        logging.AddFilter("Orleans.", LogLevel.Warning);
        logging.AddFilter("Orleans.Runtime.Silo", LogLevel.Information);
        logging.AddFilter("Orleans.Hosting", LogLevel.Information);
        logging.AddFilter("Orleans.Runtime.MembershipService", LogLevel.Information);

        // Bearer keys need no data protection; its note about unencrypted key storage concerns cookies this host never issues.
        logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
    }
}
