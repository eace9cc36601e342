namespace OrleansNetOps.Drivers.Processes;

/// <summary>How a program ended and what it printed.</summary>
/// <param name="ExitCode">Its exit status (-1 when it was killed at the timeout).</param>
/// <param name="Output">Standard output, cut at the run's limit.</param>
/// <param name="Error">Standard error, cut at the run's limit.</param>
/// <param name="TimedOut">True when it was killed because it ran past the timeout.</param>
/// <param name="Truncated">True when either stream was longer than the limit.</param>
/// <param name="Duration">Wall-clock time from start to exit.</param>
public sealed record ProcessOutcome(int ExitCode, string Output, string Error, bool TimedOut, bool Truncated, TimeSpan Duration)
{
    /// <summary>Exit status 0 within the timeout.</summary>
    public bool Succeeded => ExitCode == 0 && !TimedOut;
}
