using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Orleans.Runtime;

namespace OrleansNetOps.Silo.Hosting;

/// <summary>
/// A grain call that failed because a silo of the cluster just died (its grains are being placed again elsewhere) or
/// the cluster cannot be reached answers 503 with <c>Retry-After</c>, not 500: nothing is wrong with the request, and
/// the same call succeeds within seconds once membership has declared the silo dead.
/// </summary>
internal sealed class ClusterUnavailableExceptionHandler(IProblemDetailsService problemDetails, ILogger<ClusterUnavailableExceptionHandler> logger)
    : IExceptionHandler
{
    /// <summary>Seconds a client should wait: about one membership probe round.</summary>
    public const int RetryAfterSeconds = 2;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not (SiloUnavailableException or OrleansMessageRejectionException or Orleans.Runtime.Messaging.ConnectionFailedException))
        {
            return false;
        }

        logger.LogWarning("{Method} {Path}: the cluster could not serve the call ({Error}); answered 503", httpContext.Request.Method,
            httpContext.Request.Path, exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Cluster busy",
            Detail = "A silo of the cluster is unavailable and the grains it held are being placed again; retry shortly.",
        };
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception })
            .ConfigureAwait(false);
    }
}
