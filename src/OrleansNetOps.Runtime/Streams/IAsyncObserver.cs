namespace OrleansNetOps.Runtime;

/// <summary>A consumer of a stream.</summary>
/// <typeparam name="T">The event type.</typeparam>
public interface IAsyncObserver<in T>
{
    /// <summary>Receives one event. Events of one stream arrive in order, one at a time.</summary>
    Task OnNextAsync(T item, StreamSequenceToken token);
}
