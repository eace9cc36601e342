using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace OrleansNetOps.Silo.Api;

/// <summary>
/// Turns a request the framework could not bind (a malformed JSON body, a missing body, a query value of the wrong
/// type, a body over the endpoint's size limit) into a validation problem whose <c>errors</c> name the field in the
/// API's words (<c>limit: 'abc' is not an integer</c>), never the framework's parameter types.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var (field, message) = Describe(badRequest, httpContext.Request);
        httpContext.Response.StatusCode = badRequest.StatusCode;
        var problem = new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = badRequest.StatusCode,
            Detail = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request could not be read.",
        };
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception })
            .ConfigureAwait(false);
    }

    /// <summary>The field and what is wrong with it, from the framework's exception.</summary>
    internal static (string Field, string Message) Describe(BadHttpRequestException exception, HttpRequest request)
    {
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            var limit = request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            return ("body", limit is { } bytes
                ? string.Create(CultureInfo.InvariantCulture, $"larger than the {bytes} bytes this endpoint reads")
                : "larger than this endpoint reads");
        }

        if (exception.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return ("body", $"expected Content-Type application/json, got '{request.ContentType}'");
        }

        if (exception.InnerException is JsonException json)
        {
            return ("body", JsonBodyErrors.Describe(json));
        }

        var text = exception.Message;
        if (BindFailure().Match(text) is { Success: true } bind)
        {
            return (bind.Groups["name"].Value, $"'{bind.Groups["value"].Value}' is not {Expected(bind.Groups["type"].Value)}");
        }

        if (MissingParameter().Match(text) is { Success: true } missing)
        {
            var name = missing.Groups["name"].Value;
            return missing.Groups["source"].Value.Contains("body", StringComparison.OrdinalIgnoreCase) ? ("body", "required: send a JSON body") : (name, "is required");
        }

        if (text.StartsWith("Implicit body inferred", StringComparison.Ordinal) || text.Contains("from the request body", StringComparison.Ordinal))
        {
            return ("body", request.ContentLength is 0 or null ? "required: send a JSON body" : "could not be read as JSON");
        }

        return ("request", "could not be read");
    }

    private static string Expected(string type)
    {
        var bare = type.Replace("Nullable<", string.Empty, StringComparison.Ordinal).TrimEnd('>', '?');
        return bare switch
        {
            "int" or "Int32" or "long" or "Int64" or "uint" or "UInt32" => "an integer",
            "double" or "Double" or "decimal" or "Decimal" or "float" or "Single" => "a number",
            "bool" or "Boolean" => "true or false",
            "DateTimeOffset" or "DateTime" => "a time (ISO-8601, e.g. 2026-01-31T12:00:00Z)",
            "Guid" => "an id (GUID)",
            _ => "a valid value",
        };
    }

    [GeneratedRegex("""^Failed to bind parameter "(?<type>.+) (?<name>[^ "]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex BindFailure();

    [GeneratedRegex("""^Required parameter "(?<type>.+) (?<name>[^ "]+)" was not provided from (?<source>.+)\.$""", RegexOptions.Singleline)]
    private static partial Regex MissingParameter();
}
