namespace OrleansNetOps.Runtime;

/// <summary>A named family of streams sharing one transport.</summary>
public interface IStreamProvider
{
    /// <summary>The provider's name.</summary>
    string Name { get; }

    /// <summary>Gets a stream; it exists as soon as it is asked for.</summary>
    IAsyncStream<T> GetStream<T>(StreamId streamId);
}
