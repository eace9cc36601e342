namespace OrleansNetOps.Collectors.Bmp;

/// <summary>Thrown by a sink that will not take a router's session: the collector logs the reason and closes the connection.</summary>
public sealed class BmpSessionRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BmpSessionRefusedException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    public BmpSessionRefusedException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public BmpSessionRefusedException()
    {
    }
}
