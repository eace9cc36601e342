using System.Net;

namespace OrleansNetOps.Itsm.Tickets;

/// <summary>A ticketing system answered with an error, or could not be reached.</summary>
public sealed class TicketSystemException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TicketSystemException(string system, string message, HttpStatusCode? status, bool isTransient, Exception? inner = null)
        : base($"{system}: {message}", inner)
    {
        System = system;
        Status = status;
        IsTransient = isTransient;
    }

    /// <summary>The system.</summary>
    public string System { get; }

    /// <summary>The HTTP status, when there was an answer.</summary>
    public HttpStatusCode? Status { get; }

    /// <summary>True for failures a retry may cure (no answer, 408, 429, 5xx).</summary>
    public bool IsTransient { get; }
}
