using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansNetOps.Itsm.Tickets;

/// <summary>JSON over HTTP to a ticketing system, with its failures sorted into transient and permanent.</summary>
internal sealed class TicketHttp
{
    private const int ExcerptLength = 500;
    private readonly HttpClient _http;
    private readonly string _system;
    private readonly AuthenticationHeaderValue? _authorization;

    /// <summary>Signs in with <paramref name="bearerToken"/> when given, else with basic <paramref name="user"/> and <paramref name="secret"/>, else not at all.</summary>
    public TicketHttp(HttpClient http, string system, Uri baseUrl, string? user, string? secret, string? bearerToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(baseUrl);
        _http = http;
        _system = system;
        BaseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        _authorization = bearerToken is not null
            ? new AuthenticationHeaderValue("Bearer", bearerToken)
            : user is not null
                ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{secret}")))
                : null;
    }

    /// <summary>The system's base URL, ending in a slash.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Sends <paramref name="body"/> (or nothing) and returns the parsed answer (null when it has no body).</summary>
    /// <exception cref="TicketSystemException">No answer, or a status outside <paramref name="accepted"/>.</exception>
    public async Task<JsonNode?> SendAsync(HttpMethod method, string relative, JsonNode? body, CancellationToken cancellationToken, params HttpStatusCode[] accepted)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseUrl, relative));
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException failure)
        {
            throw new TicketSystemException(_system, $"{method} {relative}: {failure.Message}", null, isTransient: true, failure);
        }
        catch (TaskCanceledException timeout) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TicketSystemException(_system, $"{method} {relative}: no answer within the client's timeout", null, isTransient: true, timeout);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!accepted.Contains(response.StatusCode))
            {
                var status = (int)response.StatusCode;
                var transient = status is 408 or 429 || status >= 500;
                var excerpt = text.Length > ExcerptLength ? text[..ExcerptLength] + "…" : text;
                throw new TicketSystemException(_system, $"{method} {relative} answered {status} {response.ReasonPhrase}: {excerpt}".TrimEnd(' ', ':'), response.StatusCode, transient);
            }

            try
            {
                return text.Length == 0 ? null : JsonNode.Parse(text);
            }
            catch (JsonException failure)
            {
                throw new TicketSystemException(_system, $"{method} {relative}: the answer is not JSON: {failure.Message}", response.StatusCode, isTransient: false, failure);
            }
        }
    }

    /// <summary>A required string at <paramref name="path"/> of an answer.</summary>
    public string Required(JsonNode? node, string what, params string[] path)
    {
        var current = node;
        foreach (var step in path)
        {
            current = current?[step];
        }

        return current?.GetValueKind() == JsonValueKind.String
            ? current.GetValue<string>()
            : throw new TicketSystemException(_system, $"{what}: the answer has no '{string.Join('.', path)}'", null, isTransient: false);
    }
}
