namespace OrleansNetOps.Runtime;

/// <summary>Options of the in-memory stream provider.</summary>
public sealed class MemoryStreamOptions
{
    /// <summary>Events buffered per stream before producers wait.</summary>
    public int Capacity { get; set; } = 4096;
}
