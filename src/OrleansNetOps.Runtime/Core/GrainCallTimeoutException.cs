namespace OrleansNetOps.Runtime;

/// <summary>
/// A grain call got no response within the response timeout: the target was busy (for example a
/// non-reentrant call cycle), stuck, or slow. The target keeps running and stays usable.
/// </summary>
public sealed class GrainCallTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    public GrainCallTimeoutException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    public GrainCallTimeoutException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public GrainCallTimeoutException()
    {
    }
}
