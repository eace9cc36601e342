using System.Threading.Channels;
using OrleansNetOps.Grains.Coordination;

namespace OrleansNetOps.Silo.Decisions;

/// <summary>
/// Hot reload of <c>guardrails.yaml</c>: when the file the silo started with changes on disk, it is re-read once the
/// writes have been quiet for <see cref="Debounce"/> (editors truncate, write and rename in several steps) and goes to
/// the domain's coordinator exactly as a PUT does, so N silos watching copies of one edit audit it once. A file that is
/// deleted or unreadable, or whose text is invalid, leaves the running policy in force.
/// <para>
/// At start the file is offered to the coordinator before the silo serves: on a new cluster it becomes the policy
/// (audited ACCEPTED once); a text no silo has offered before is applied the same way; a text the cluster has already
/// seen from a file leaves the stored policy in force, so a restarted silo never undoes a later PUT or edit.
/// </para>
/// </summary>
internal sealed partial class GuardrailsFileWatcher(GuardrailsFile file, IGrainFactory grains, string domain, TimeProvider time, ILogger<GuardrailsFileWatcher> logger)
    : BackgroundService
{
    /// <summary>How long the file must stay unchanged before it is read.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a starting silo keeps offering its file to the coordinator before its start fails.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var answer = await OfferAtStartAsync(cancellationToken).ConfigureAwait(false);
        if (answer.Outcome == GuardrailsChangeOutcome.Stale)
        {
            LogStale(logger, file.DisplayName, answer.Current.Version, answer.Current.Fingerprint);
        }
        else
        {
            Log(file.DisplayName, answer);
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

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

        Log(file.DisplayName, await ApplyAsync(text, GuardrailsOrigin.FileEdit).ConfigureAwait(false));
    }

    // A silo joining a cluster may not yet see where the coordinator can be placed (its view of the cluster's grain
    // types lags its start by a moment): it keeps offering until the start-up timeout, then fails the start.
    private async Task<GuardrailsChangeAnswer> OfferAtStartAsync(CancellationToken cancellationToken)
    {
        var clock = time.GetTimestamp();
        while (true)
        {
            try
            {
                return await ApplyAsync(file.Text, GuardrailsOrigin.FileAtStart).ConfigureAwait(false);
            }
            catch (OrleansException exception) when (time.GetElapsedTime(clock) < StartTimeout)
            {
                LogNotYet(logger, file.DisplayName, exception.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(500), time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private Task<GuardrailsChangeAnswer> ApplyAsync(string text, GuardrailsOrigin origin) =>
        grains.GetGrain<ICoordinatorGrain>(domain).ChangePolicyAsync(new GuardrailsChangeRequest(text, file.DisplayName, file.Actor, origin));

    private void Log(string name, GuardrailsChangeAnswer answer)
    {
        switch (answer.Outcome)
        {
            case GuardrailsChangeOutcome.Accepted:
                LogApplied(logger, name, answer.Current.Version, answer.Current.Fingerprint);
                break;
            case GuardrailsChangeOutcome.Rejected:
                LogRejected(logger, name, answer.Current.Fingerprint, string.Join(Environment.NewLine, answer.Errors));
                break;
            default:
                LogUnchanged(logger, name);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The coordinator cannot take {File} yet ({Reason}); trying again")]
    private static partial void LogNotYet(ILogger logger, string file, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {File} for guardrails changes")]
    private static partial void LogWatching(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guardrails applied from {File}: version {Version}, fingerprint {Fingerprint}")]
    private static partial void LogApplied(ILogger logger, string file, long version, string fingerprint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{File} holds guardrails the cluster already took and has since replaced; the stored policy (version {Version}, fingerprint {Fingerprint}) stays in force")]
    private static partial void LogStale(ILogger logger, string file, long version, string fingerprint);

    [LoggerMessage(Level = LogLevel.Information, Message = "{File} changed on disk but holds the guardrails in force; nothing to apply")]
    private static partial void LogUnchanged(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "Guardrails in {File} refused; the running policy {Fingerprint} stays in force:\n{Errors}")]
    private static partial void LogRejected(ILogger logger, string file, string fingerprint, string errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{File} cannot be read ({Reason}); the running guardrails stay in force")]
    private static partial void LogUnreadable(ILogger logger, string file, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watching {File} failed ({Reason}); guardrails changes on disk may be missed")]
    private static partial void LogWatchError(ILogger logger, string file, string reason);
}
