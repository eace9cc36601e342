namespace OrleansNetOps.Runtime;

/// <summary>
/// Thrown when a conditional write finds a different version in storage than the writer last read:
/// someone else wrote in between. Nothing was written.
/// </summary>
public sealed class InconsistentStateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InconsistentStateException(string message, string? storedETag, string? currentETag)
        : base(message)
    {
        StoredETag = storedETag;
        CurrentETag = currentETag;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public InconsistentStateException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    public InconsistentStateException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public InconsistentStateException()
    {
    }

    /// <summary>The version found in storage (<c>null</c> when there is no record).</summary>
    public string? StoredETag { get; }

    /// <summary>The version the writer held.</summary>
    public string? CurrentETag { get; }
}
