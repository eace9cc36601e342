using System.Globalization;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using OrleansNetOps.Grains.Network;
using OrleansNetOps.Twin.Accuracy;
using OrleansNetOps.Twin.Drift;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Grains.Accuracy;

/// <summary>
/// Keeps the twin's accuracy figure. A recorded prediction waits in persisted state; a timer reads the routers' best
/// paths for the predicted prefixes until they agree with the prediction, stop moving for the settle time, or the
/// deadline passes, then compares and counts. A reminder brings the grain back after a silo loss so no recorded
/// action is forgotten.
/// </summary>
public sealed class TwinAccuracyGrain : Grain, ITwinAccuracyGrain, IRemindable
{
    private const string WakeReminder = "accuracy-pending";
    private readonly IPersistentState<TwinAccuracyState> _state;
    private readonly TimeProvider _time;
    private readonly TwinAccuracyOptions _options;
    private IGrainTimer? _timer;

    /// <summary>Creates the grain.</summary>
    public TwinAccuracyGrain([PersistentState("twinAccuracy", "Default")] IPersistentState<TwinAccuracyState> state, TimeProvider time, IOptions<TwinAccuracyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _state = state;
        _time = time;
        _options = options.Value;
    }

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (_state.State.Pending.Count > 0)
        {
            StartPolling();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task RecordAsync(string actionId, IReadOnlyList<BestPathChange> predicted, IReadOnlyList<string> routers)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actionId);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(routers);
        _ = PredictionComparison.Expected(predicted, routers); // refuse a prediction that cannot be compared now, not later
        _state.State.Pending.RemoveAll(p => p.ActionId == actionId);
        _state.State.Pending.Add(new PendingComparison(actionId, [.. predicted], [.. routers.Distinct(StringComparer.Ordinal)], _time.GetUtcNow()));
        await _state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(WakeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        StartPolling();
    }

    /// <inheritdoc />
    public Task<AccuracyLedger> GetAsync(int recent)
    {
        var ledger = _state.State.Ledger;
        return Task.FromResult(ledger with { Recent = [.. ledger.Recent.TakeLast(Math.Max(0, recent))] });
    }

    /// <inheritdoc />
    public Task<ActionAccuracy?> GetActionAsync(string actionId) => Task.FromResult(_state.State.Ledger.Find(actionId));

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> GetPendingAsync() => Task.FromResult<IReadOnlyList<string>>([.. _state.State.Pending.Select(p => p.ActionId)]);

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (_state.State.Pending.Count == 0)
        {
            await this.UnregisterReminder(await this.GetReminder(WakeReminder) ?? throw new InvalidOperationException("the reminder that fired is gone"));
            return;
        }

        StartPolling();
    }

    private void StartPolling() =>
        _timer ??= this.RegisterGrainTimer(PollAsync, new GrainTimerCreationOptions(_options.Poll, _options.Poll) { Interleave = false, KeepAlive = true });

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var changed = false;
        foreach (var pending in _state.State.Pending.ToList())
        {
            var live = await LiveAsync(pending);
            var result = PredictionComparison.Compare(pending.ActionId, now, pending.Predicted, live, pending.Routers);
            var digest = Digest(live);
            if (digest != pending.LastSeen)
            {
                (pending.LastSeen, pending.SeenSince) = (digest, now);
                changed = true;
            }

            var settled = now - pending.SeenSince >= _options.Settle;
            var expired = now - pending.RecordedAt >= _options.Deadline;
            if (result.PathsEqual == result.PathsCompared || settled || expired)
            {
                _state.State.Ledger = _state.State.Ledger.Add(result with { Converged = result.PathsEqual == result.PathsCompared || settled }, _options.Retention);
                _state.State.Pending.Remove(pending);
                changed = true;
            }
        }

        if (changed)
        {
            await _state.WriteStateAsync(cancellationToken);
        }

        if (_state.State.Pending.Count == 0)
        {
            _timer?.Dispose();
            _timer = null;
            if (await this.GetReminder(WakeReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
    }

    private async Task<IReadOnlyList<LiveBestPath>> LiveAsync(PendingComparison pending)
    {
        var wanted = PredictionComparison.Expected(pending.Predicted, pending.Routers);
        var reads = pending.Routers.Select(r => GrainFactory.GetGrain<IRouterGrain>(r).GetBestPathsAsync());
        return [.. (await Task.WhenAll(reads)).SelectMany(p => p).Where(p => wanted.ContainsKey((p.Router, p.Prefix)))];
    }

    private static string Digest(IEnumerable<LiveBestPath> live) => string.Join('\n', live
        .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Router} {p.Prefix} {p.NextHop} {string.Join(' ', p.AsPath)} {p.LocalPref} {p.Med}"))
        .Order(StringComparer.Ordinal));
}
