using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;

namespace OrleansNetOps.Portal.Tests.Events;

/// <summary>Reads <c>GET /api/v1/events</c> with the framework's own SSE parser.</summary>
internal sealed class SseClient : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly IAsyncEnumerator<SseItem<string>> _items;

    private SseClient(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _items = SseParser.Create(body).EnumerateAsync().GetAsyncEnumerator();
    }

    public static async Task<SseClient> ConnectAsync(HttpClient client, string path = "/api/v1/events", string? lastEventId = null, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        if (key is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new SseClient(response, await response.Content.ReadAsStreamAsync());
    }

    public string? MediaType => _response.Content.Headers.ContentType?.MediaType;

    /// <summary>The next event (pings skipped), or a failure after <paramref name="timeout"/>.</summary>
    public async Task<SseItem<string>> NextAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            var next = _items.MoveNextAsync().AsTask();
            var done = await Task.WhenAny(next, Task.Delay(Timeout.Infinite, cancel.Token).ContinueWith(_ => false, TaskScheduler.Default));
            if (done != next)
            {
                throw new TimeoutException($"no event within {timeout}");
            }

            Assert.True(await next, "the event stream ended");
            if (_items.Current.EventType != "ping")
            {
                return _items.Current;
            }
        }
    }

    /// <summary>Events until one matches.</summary>
    public async Task<SseItem<string>> UntilAsync(Func<SseItem<string>, bool> match, TimeSpan timeout, [CallerArgumentExpression(nameof(match))] string? what = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"no event matched {what} within {timeout}");
            }

            var item = await NextAsync(left);
            if (match(item))
            {
                return item;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _response.Dispose();
        try
        {
            await _items.DisposeAsync();
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or OperationCanceledException or HttpRequestException)
        {
            // The connection is gone, which is the point.
        }
    }
}
