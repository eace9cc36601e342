namespace OrleansNetOps.Runtime;

/// <summary>
/// Base class of every grain. Its code runs one turn at a time on the activation's own scheduler; the
/// runtime creates it on first call and collects it when idle.
/// </summary>
public abstract class Grain : IGrain
{
    private readonly GrainActivation _activation;

    /// <summary>Grains are constructed by the runtime only.</summary>
    protected Grain()
    {
        _activation = GrainActivation.Constructing
            ?? throw new InvalidOperationException($"{GetType().Name} is a grain: get it with IGrainFactory.GetGrain, do not construct it.");
    }

    /// <summary>This grain's identity.</summary>
    public GrainId GrainId => _activation.GrainId;

    internal IReadOnlyList<IStateLoader> States { get; set; } = [];

    internal GrainActivation Activation => _activation;

    /// <summary>The factory for references to other grains.</summary>
    protected IGrainFactory GrainFactory => _activation.Runtime;

    /// <summary>The silo's services.</summary>
    protected IServiceProvider ServiceProvider => _activation.Runtime.Services;

    /// <summary>The primary key.</summary>
    public string GetPrimaryKeyString() => _activation.GrainId.Key;

    /// <summary>Called after state is loaded and before the first request runs.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called when the activation goes away (idle, asked, shutdown). Write state here if it must survive.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this grain once the current request (and anything queued) has finished.</summary>
    protected void DeactivateOnIdle() => _activation.RequestDeactivation(DeactivationReason.RequestedByGrain);

    /// <summary>Keeps the grain from idle collection for at least <paramref name="timeSpan"/>.</summary>
    protected void DelayDeactivation(TimeSpan timeSpan) => _activation.DelayDeactivation(timeSpan);

    /// <summary>
    /// Starts a timer whose ticks run as turns of this grain (not interleaved with requests unless
    /// <see cref="GrainTimerCreationOptions.Interleave"/>). The next tick is scheduled after a tick completes.
    /// </summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new GrainTimer(_activation, callback, options);
        _activation.AddTimer(timer);
        timer.Start();
        return timer;
    }

    /// <summary>Starts a timer with the given due time and period.</summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        RegisterGrainTimer(callback, new GrainTimerCreationOptions(dueTime, period));

    /// <summary>Registers or updates a durable reminder, delivered through <see cref="IRemindable.ReceiveReminder"/>.</summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        if (this is not IRemindable)
        {
            throw new InvalidOperationException($"{GetType().Name} must implement IRemindable to register reminders.");
        }

        return _activation.Runtime.Reminders.RegisterOrUpdateAsync(GrainId, reminderName, dueTime, period);
    }

    /// <summary>Removes a reminder.</summary>
    protected Task UnregisterReminder(IGrainReminder reminder) => _activation.Runtime.Reminders.UnregisterAsync(GrainId, reminder);

    /// <summary>Gets a reminder by name, or <c>null</c>.</summary>
    protected Task<IGrainReminder?> GetReminder(string reminderName) => _activation.Runtime.Reminders.GetAsync(GrainId, reminderName);

    /// <summary>Gets a named stream provider.</summary>
    protected IStreamProvider GetStreamProvider(string name) => _activation.Runtime.GetStreamProvider(name);
}
