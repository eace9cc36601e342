namespace OrleansNetOps.Lab;

/// <summary>The lab did not converge in time; the message lists the sessions that are not up and the routes missing.</summary>
public sealed class LabNotConvergedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LabNotConvergedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LabNotConvergedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public LabNotConvergedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
