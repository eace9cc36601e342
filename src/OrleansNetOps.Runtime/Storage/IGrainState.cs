namespace OrleansNetOps.Runtime;

/// <summary>The state of one grain as a storage provider reads and writes it.</summary>
/// <typeparam name="T">The state type.</typeparam>
public interface IGrainState<T>
{
    /// <summary>The state value.</summary>
    T State { get; set; }

    /// <summary>The version tag of the stored record; <c>null</c> when nothing is stored.</summary>
    string? ETag { get; set; }

    /// <summary>Whether a record exists in storage.</summary>
    bool RecordExists { get; set; }
}
