using System.Diagnostics;

namespace OrleansNetOps.Silo.Observability;

/// <summary>When this process started, read once.</summary>
internal static class ProcessClock
{
    public static readonly DateTimeOffset StartedAt = ReadStart();

    public static TimeSpan Uptime => DateTimeOffset.UtcNow - StartedAt;

    private static DateTimeOffset ReadStart()
    {
        using var process = Process.GetCurrentProcess();
        return new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
    }
}
