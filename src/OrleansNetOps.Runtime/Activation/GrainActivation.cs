using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace OrleansNetOps.Runtime;

/// <summary>
/// One live instance of a grain: its request queue, its exclusive scheduler, its lifecycle. All state
/// transitions happen under <see cref="_gate"/>; grain code itself only ever runs on <see cref="Scheduler"/>.
/// </summary>
internal sealed class GrainActivation
{
    private static readonly AsyncLocal<GrainActivation?> s_current = new();

    [ThreadStatic]
    private static GrainActivation? t_constructing;

    private readonly object _gate = new();
    private readonly Queue<Request> _waiting = new();
    private readonly List<Request> _running = [];
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<GrainTimer> _timers = [];
    private readonly List<IActivationResource> _resources = [];
    private LifecycleState _state = LifecycleState.Created;
    private long _lastActive = Stopwatch.GetTimestamp();
    private long _keepAliveUntil;
    private DeactivationReason? _pendingDeactivation;

    public GrainActivation(GrainRuntime runtime, GrainClassMetadata grainClass, GrainId grainId)
    {
        Runtime = runtime;
        Class = grainClass;
        GrainId = grainId;
    }

    private enum LifecycleState
    {
        Created,
        Activating,
        Valid,
        Deactivating,
        Deactivated,
    }

    /// <summary>The activation whose code is running in the current async flow.</summary>
    public static GrainActivation? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    /// <summary>The activation whose grain instance is being constructed on this thread.</summary>
    public static GrainActivation? Constructing => t_constructing;

    public GrainRuntime Runtime { get; }

    public GrainClassMetadata Class { get; }

    public GrainId GrainId { get; }

    public ActivationTaskScheduler Scheduler { get; } = new();

    public Grain? Instance { get; private set; }

    /// <summary>Completes when the activation is gone (deactivated, or failed to activate).</summary>
    public Task Deactivated => _deactivated.Task;

    public int WaitingCount
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count;
            }
        }
    }

    public int RunningCount
    {
        get
        {
            lock (_gate)
            {
                return _running.Count;
            }
        }
    }

    public bool IsValid
    {
        get
        {
            lock (_gate)
            {
                return _state == LifecycleState.Valid;
            }
        }
    }

    /// <summary>Queues the activation work; requests wait until it has finished.</summary>
    public void Start()
    {
        lock (_gate)
        {
            _state = LifecycleState.Activating;
        }

        Task.Factory.StartNew(static s => ((GrainActivation)s!).ActivateAsync(), this, CancellationToken.None,
            TaskCreationOptions.DenyChildAttach, Scheduler);
    }

    /// <summary>Accepts a request, or returns false when the activation is going away (the caller retries on a new one).</summary>
    public bool TryEnqueue(Request request)
    {
        lock (_gate)
        {
            switch (_state)
            {
                case LifecycleState.Deactivating or LifecycleState.Deactivated:
                    return false;
                case LifecycleState.Created or LifecycleState.Activating:
                    request.Activation = this;
                    _waiting.Enqueue(request);
                    return true;
            }

            if ((_running.Count == 0 && _waiting.Count == 0) || request.Interleaves(this))
            {
                StartLocked(request);
            }
            else
            {
                request.Activation = this;
                _waiting.Enqueue(request);
            }

            return true;
        }
    }

    public void OnRequestCompleted(Request request)
    {
        var beginDeactivation = false;
        lock (_gate)
        {
            _running.Remove(request);
            if (request.KeepsAlive)
            {
                _lastActive = Stopwatch.GetTimestamp();
            }

            DrainLocked();
            if (_running.Count == 0 && _waiting.Count == 0 && _pendingDeactivation is not null && _state == LifecycleState.Valid)
            {
                _state = LifecycleState.Deactivating;
                beginDeactivation = true;
            }
        }

        if (beginDeactivation)
        {
            QueueDeactivation();
        }
    }

    /// <summary>
    /// Asks the activation to go away as soon as it is idle. Returns the task that completes when it is gone.
    /// </summary>
    public Task RequestDeactivation(DeactivationReason reason)
    {
        var begin = false;
        lock (_gate)
        {
            if (_state is LifecycleState.Created or LifecycleState.Activating or LifecycleState.Valid)
            {
                _pendingDeactivation ??= reason;
                if (_state == LifecycleState.Valid && _running.Count == 0 && _waiting.Count == 0)
                {
                    _state = LifecycleState.Deactivating;
                    begin = true;
                }
            }
        }

        if (begin)
        {
            QueueDeactivation();
        }

        return Deactivated;
    }

    /// <summary>Deactivates the activation if it has been idle since before <paramref name="idleSince"/>.</summary>
    public bool TryCollect(long idleSince, long now)
    {
        lock (_gate)
        {
            if (_state != LifecycleState.Valid || _running.Count > 0 || _waiting.Count > 0 ||
                _lastActive > idleSince || _keepAliveUntil > now)
            {
                return false;
            }

            _pendingDeactivation = DeactivationReason.IdleCollection;
            _state = LifecycleState.Deactivating;
        }

        QueueDeactivation();
        return true;
    }

    public void DelayDeactivation(TimeSpan delay)
    {
        lock (_gate)
        {
            _keepAliveUntil = Stopwatch.GetTimestamp() + (long)(delay.TotalSeconds * Stopwatch.Frequency);
        }
    }

    /// <summary>Fails every request whose caller has waited past its deadline.</summary>
    public void ExpireOverdue(long now, TimeSpan timeout)
    {
        List<Request>? overdue = null;
        lock (_gate)
        {
            foreach (var request in _running)
            {
                if (request.IsOverdue(now) && !request.IsCompleted)
                {
                    (overdue ??= []).Add(request);
                }
            }

            if (_waiting.Count > 0 && _waiting.Any(r => r.IsOverdue(now)))
            {
                var keep = new List<Request>(_waiting.Count);
                while (_waiting.TryDequeue(out var request))
                {
                    if (request.IsOverdue(now))
                    {
                        (overdue ??= []).Add(request);
                    }
                    else
                    {
                        keep.Add(request);
                    }
                }

                foreach (var request in keep)
                {
                    _waiting.Enqueue(request);
                }

                DrainLocked();
            }
        }

        if (overdue is null)
        {
            return;
        }

        foreach (var request in overdue)
        {
            if (!request.IsCompleted)
            {
                Runtime.Statistics.CallTimedOut();
                request.Fail(request.TimeoutException(this, timeout));
            }
        }
    }

    public string DescribeLoad()
    {
        lock (_gate)
        {
            var running = string.Join(", ", _running.Select(r => r.Description));
            return $"{_state}, running: [{running}], waiting: {_waiting.Count}";
        }
    }

    public void AddTimer(GrainTimer timer)
    {
        lock (_gate)
        {
            if (_state is LifecycleState.Deactivating or LifecycleState.Deactivated)
            {
                throw new InvalidOperationException($"Grain {GrainId} is deactivating; no new timers.");
            }

            _timers.Add(timer);
        }
    }

    public void RemoveTimer(GrainTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    /// <summary>Registers something that must be released when the activation goes away (stream subscriptions).</summary>
    public void AddResource(IActivationResource resource)
    {
        lock (_gate)
        {
            _resources.Add(resource);
        }
    }

    public void RemoveResource(IActivationResource resource)
    {
        lock (_gate)
        {
            _resources.Remove(resource);
        }
    }

    public T? FindResource<T>(Func<T, bool> match)
        where T : class, IActivationResource
    {
        lock (_gate)
        {
            return _resources.OfType<T>().FirstOrDefault(match);
        }
    }

    private void StartLocked(Request request)
    {
        _running.Add(request);
        if (request.KeepsAlive)
        {
            _lastActive = Stopwatch.GetTimestamp();
        }

        Runtime.Statistics.CallStarted();
        request.Start(this);
    }

    private void DrainLocked()
    {
        if (_state != LifecycleState.Valid)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        while (_waiting.TryPeek(out var next))
        {
            if (next.IsOverdue(now) || next.IsCompleted)
            {
                // Its caller has already been told it timed out or was cancelled.
                _waiting.Dequeue();
                continue;
            }

            if (_running.Count > 0 && !next.Interleaves(this))
            {
                break;
            }

            _waiting.Dequeue();
            StartLocked(next);
        }
    }

    private async Task ActivateAsync()
    {
        Current = this;
        RequestContext.Current = null;
        try
        {
            t_constructing = this;
            try
            {
                Instance = Class.CreateInstance(this);
            }
            finally
            {
                t_constructing = null;
            }

            foreach (var state in Class.StatesOf(Instance))
            {
                await state.ReadStateAsync().ConfigureAwait(true);
            }

            using var cancellation = new CancellationTokenSource(Runtime.Options.ResponseTimeout);
            await Instance.OnActivateAsync(cancellation.Token).ConfigureAwait(true);
            Runtime.Statistics.Activated();
            var deactivateNow = false;
            lock (_gate)
            {
                _state = LifecycleState.Valid;
                _lastActive = Stopwatch.GetTimestamp();
                DrainLocked();
                if (_pendingDeactivation is not null && _running.Count == 0 && _waiting.Count == 0)
                {
                    _state = LifecycleState.Deactivating;
                    deactivateNow = true;
                }
            }

            if (deactivateNow)
            {
                QueueDeactivation();
            }
        }
        catch (Exception exception)
        {
            Runtime.Logger.LogError(exception, "Activation of grain {GrainId} failed", GrainId);
            Runtime.Statistics.ActivationFailed();
            List<Request> failed;
            lock (_gate)
            {
                _state = LifecycleState.Deactivated;
                failed = [.. _waiting];
                _waiting.Clear();
            }

            foreach (var request in failed)
            {
                request.Fail(exception);
            }

            Runtime.Catalog.Remove(this);
            _deactivated.TrySetResult();
        }
    }

    private void QueueDeactivation() =>
        Task.Factory.StartNew(static s => ((GrainActivation)s!).DeactivateAsync(), this, CancellationToken.None,
            TaskCreationOptions.DenyChildAttach, Scheduler);

    private async Task DeactivateAsync()
    {
        Current = this;
        RequestContext.Current = null;
        GrainTimer[] timers;
        IActivationResource[] resources;
        DeactivationReason reason;
        lock (_gate)
        {
            timers = [.. _timers];
            resources = [.. _resources];
            reason = _pendingDeactivation ?? DeactivationReason.RequestedByGrain;
        }

        try
        {
            foreach (var timer in timers)
            {
                timer.Dispose();
            }

            using var cancellation = new CancellationTokenSource(Runtime.Options.DeactivationTimeout);
            var onDeactivate = Instance!.OnDeactivateAsync(reason, cancellation.Token);
            await onDeactivate.WaitAsync(Runtime.Options.DeactivationTimeout).ConfigureAwait(true);
        }
        catch (Exception exception)
        {
            Runtime.Logger.LogWarning(exception, "OnDeactivateAsync of grain {GrainId} failed ({Reason})", GrainId, reason);
        }
        finally
        {
            foreach (var resource in resources)
            {
                resource.Release();
            }

            lock (_gate)
            {
                _state = LifecycleState.Deactivated;
            }

            Runtime.Statistics.Deactivated();
            Runtime.Catalog.Remove(this);
            _deactivated.TrySetResult();
        }
    }
}
