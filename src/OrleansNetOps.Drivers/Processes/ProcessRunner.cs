using System.Diagnostics;
using System.Text;

namespace OrleansNetOps.Drivers.Processes;

/// <summary>Runs a <see cref="ProcessRun"/>: argv only, bounded output, a hard timeout, cancellation that kills.</summary>
public static class ProcessRunner
{
    /// <summary>Runs <paramref name="run"/> to completion or its timeout.</summary>
    /// <exception cref="OperationCanceledException">Cancelled; the process was killed.</exception>
    /// <exception cref="System.ComponentModel.Win32Exception">The program could not be started.</exception>
    public static async Task<ProcessOutcome> RunAsync(ProcessRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var info = new ProcessStartInfo(run.Program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (run.WorkingDirectory is { } directory)
        {
            info.WorkingDirectory = directory;
        }

        foreach (var argument in run.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in run.Environment)
        {
            info.Environment[name] = value;
        }

        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {run.Program}");
        var output = ReadBoundedAsync(process.StandardOutput, run.OutputLimit);
        var error = ReadBoundedAsync(process.StandardError, run.OutputLimit);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(run.Timeout);
        var timedOut = false;
        try
        {
            if (run.StandardInput is { } input)
            {
                try
                {
                    await process.StandardInput.WriteAsync(input.AsMemory(), limit.Token).ConfigureAwait(false);
                }
                catch (IOException)
                {
                    // The program exited without reading all of its input; its exit status tells the rest.
                }
            }

            process.StandardInput.Close();
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            timedOut = true;
        }

        var (stdout, cutOut) = await output.ConfigureAwait(false);
        var (stderr, cutErr) = await error.ConfigureAwait(false);
        return new ProcessOutcome(timedOut ? -1 : process.ExitCode, stdout, stderr, timedOut, cutOut || cutErr, Stopwatch.GetElapsedTime(started));
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own meanwhile.
        }
    }

    private static async Task<(string Text, bool Truncated)> ReadBoundedAsync(StreamReader reader, int limit)
    {
        var text = new StringBuilder();
        var buffer = new char[8192];
        var truncated = false;
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory()).ConfigureAwait(false)) > 0)
        {
            var keep = Math.Min(read, limit - text.Length);
            if (keep > 0)
            {
                text.Append(buffer, 0, keep);
            }

            truncated |= keep < read;
        }

        return (text.ToString(), truncated);
    }
}
