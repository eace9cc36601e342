namespace OrleansNetOps.Runtime;

/// <summary>A grain timer. Dispose to stop it; it stops by itself when the grain deactivates.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Changes the due time and period.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
