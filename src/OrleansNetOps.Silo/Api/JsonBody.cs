using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OrleansNetOps.Silo.Api;

/// <summary>
/// Reads a JSON request body by hand, for endpoints whose body is optional or large: every failure is a problem that
/// names the body (malformed JSON with line and byte, missing body, over the endpoint's size limit), never the
/// framework's binding text.
/// </summary>
internal static class JsonBody
{
    /// <summary>The body as JSON; <c>default</c> (undefined) when there is none and <paramref name="required"/> is false; otherwise a problem.</summary>
    public static async Task<(JsonElement Body, IResult? Problem)> ReadAsync(HttpRequest request, bool required, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        if (request.ContentLength is { } declared && limit is { } max && declared > max)
        {
            return (default, TooLarge(max));
        }

        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any(t => t is not null)))
        {
            return (default, required ? Invalid("required: send a JSON body") : null);
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException json)
        {
            return (default, Invalid(JsonBodyErrors.Describe(json)));
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge && limit is { } most)
        {
            return (default, TooLarge(most));
        }
    }

    private static ValidationProblem Invalid(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [message] }, detail: "The request body could not be read.");

    private static ProblemHttpResult TooLarge(long max) =>
        TypedResults.Problem(
            string.Create(CultureInfo.InvariantCulture, $"The request body is larger than the {max} bytes this endpoint reads."),
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "The request body is too large",
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = new Dictionary<string, string[]> { ["body"] = [string.Create(CultureInfo.InvariantCulture, $"larger than the {max} bytes this endpoint reads")] },
            });
}
