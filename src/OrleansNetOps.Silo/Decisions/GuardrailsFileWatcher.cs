using System.Threading.Channels;

namespace OrleansNetOps.Silo.Decisions;

/// <summary>
/// Hot reload of <c>guardrails.yaml</c>: when the file the silo started with changes on disk, it is re-read once the
/// writes have been quiet for <see cref="Debounce"/> (editors truncate, write and rename in several steps) and goes
/// through <see cref="GuardrailsChanges"/> exactly as a PUT does. A file that is deleted or unreadable, or whose text is
/// invalid, leaves the running policy in force.
/// </summary>
internal sealed partial class GuardrailsFileWatcher(GuardrailsFile file, GuardrailsChanges changes, TimeProvider time, ILogger<GuardrailsFileWatcher> logger)
    : BackgroundService
{
    /// <summary>How long the file must stay unchanged before it is read.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        var name = Path.GetFileName(file.Path);
        using var watcher = new FileSystemWatcher(Path.GetDirectoryName(file.Path)!, name)
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        void Signal(object sender, FileSystemEventArgs e) => signals.Writer.TryWrite(true);
        watcher.Changed += Signal;
        watcher.Created += Signal;
        watcher.Deleted += Signal;
        watcher.Renamed += (sender, e) => signals.Writer.TryWrite(true);
        watcher.Error += (sender, e) => LogWatchError(logger, file.DisplayName, e.GetException().Message);
        watcher.EnableRaisingEvents = true;
        LogWatching(logger, file.DisplayName);

        try
        {
            while (await signals.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                do
                {
                    signals.Reader.TryRead(out _);
                    await Task.Delay(Debounce, time, stoppingToken).ConfigureAwait(false);
                }
                while (signals.Reader.TryRead(out _));

                await ReloadAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(file.Path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogUnreadable(logger, file.DisplayName, exception.Message);
            return;
        }

        var change = await changes.ApplyAsync(text, file.DisplayName, file.Actor, cancellationToken).ConfigureAwait(false);
        if (change.Unchanged)
        {
            LogUnchanged(logger, file.DisplayName);
        }
        else if (change.Reload.Accepted)
        {
            LogApplied(logger, file.DisplayName, change.Reload.Policy.Fingerprint);
        }
        else
        {
            LogRejected(logger, file.DisplayName, change.Reload.Policy.Fingerprint, string.Join(Environment.NewLine, change.Reload.Errors.Select(e => e.ToString())));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {File} for guardrails changes")]
    private static partial void LogWatching(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guardrails reloaded from {File}: fingerprint {Fingerprint}")]
    private static partial void LogApplied(ILogger logger, string file, string fingerprint);

    [LoggerMessage(Level = LogLevel.Information, Message = "{File} changed on disk but holds the guardrails in force; nothing to apply")]
    private static partial void LogUnchanged(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "Guardrails in {File} refused; the running policy {Fingerprint} stays in force:\n{Errors}")]
    private static partial void LogRejected(ILogger logger, string file, string fingerprint, string errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{File} cannot be read ({Reason}); the running guardrails stay in force")]
    private static partial void LogUnreadable(ILogger logger, string file, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watching {File} failed ({Reason}); guardrails changes on disk may be missed")]
    private static partial void LogWatchError(ILogger logger, string file, string reason);
}
