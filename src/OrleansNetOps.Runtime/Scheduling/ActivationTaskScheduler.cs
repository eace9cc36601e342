using System.Collections.Concurrent;

namespace OrleansNetOps.Runtime;

/// <summary>
/// Runs one activation's tasks one at a time, in order, on the thread pool. Awaits inside grain code
/// capture this scheduler as <see cref="TaskScheduler.Current"/>, so every continuation comes back here:
/// that is what makes a grain single-threaded even after an await.
/// </summary>
internal sealed class ActivationTaskScheduler : TaskScheduler, IThreadPoolWorkItem
{
    // How many tasks one pass runs before giving the thread back, so a busy grain cannot starve others.
    private const int TurnsPerPass = 64;

    private readonly ConcurrentQueue<Task> _queue = new();
    private int _scheduled;
    private int _executingThread;

    /// <summary>Tasks queued and not yet run.</summary>
    public int QueueLength => _queue.Count;

    /// <summary>Whether the calling thread is this scheduler's worker right now.</summary>
    public bool IsCurrentThreadWorker => Volatile.Read(ref _executingThread) == Environment.CurrentManagedThreadId;

    /// <inheritdoc />
    public override int MaximumConcurrencyLevel => 1;

    /// <inheritdoc />
    protected override void QueueTask(Task task)
    {
        _queue.Enqueue(task);
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }
    }

    /// <inheritdoc />
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued)
    {
        // Inline only on our own worker thread: that keeps exclusivity and avoids a hop.
        if (!IsCurrentThreadWorker || taskWasPreviouslyQueued)
        {
            return false;
        }

        return TryExecuteTask(task);
    }

    /// <inheritdoc />
    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    /// <inheritdoc />
    void IThreadPoolWorkItem.Execute()
    {
        Volatile.Write(ref _executingThread, Environment.CurrentManagedThreadId);
        try
        {
            for (var i = 0; i < TurnsPerPass && _queue.TryDequeue(out var task); i++)
            {
                TryExecuteTask(task);
            }
        }
        finally
        {
            Volatile.Write(ref _executingThread, 0);

            // A full fence, not a release write: the emptiness check below must not be read before the flag is
            // cleared (x86 lets a load pass an earlier store), or a producer that saw the flag still set and this
            // check that saw the queue still empty would both walk away from a queued task.
            Interlocked.Exchange(ref _scheduled, 0);
        }

        // Work may have arrived after the last dequeue and before the flag was cleared.
        if (!_queue.IsEmpty && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }
    }
}
