using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansNetOps.Silo.Auth;

namespace OrleansNetOps.Silo.Events;

/// <summary><c>GET /api/v1/events</c>: the live feed as Server-Sent Events.</summary>
public static class EventsEndpoints
{
    /// <summary>The event types grains publish (API.md), and so the values <c>kinds</c> accepts.</summary>
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "router", "peer", "finding", "incident", "action", "audit", "metric",
    };

    // Idle connections carry a ping now and then, so proxies keep them and clients notice a dead one.
    private static readonly TimeSpan s_ping = TimeSpan.FromSeconds(15);

    /// <summary>Registers the live feed (a hosted service following the events stream).</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="options">Its sizing; the defaults when null.</param>
    public static void AddLiveEvents(this IServiceCollection services, LiveFeedOptions? options = null)
    {
        services.AddSingleton(options ?? new LiveFeedOptions());
        services.AddSingleton<LiveEventFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveEventFeed>());
    }

    /// <summary>Maps <c>GET /api/v1/events</c> (viewer role, like every read of the API).</summary>
    /// <param name="endpoints">The application.</param>
    public static void MapLiveEvents(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1").RequireAuthorization(RolePolicies.Viewer).WithTags("Live")
            .MapGet("/events", Get)
            .WithName("GetEvents")
            .WithSummary("Server-Sent Events: router, peer, finding, incident, action, audit, metric (optional kinds=a,b). " +
                "Each has an id; reconnecting with Last-Event-ID replays what was missed within this silo's window. " +
                "The first event, 'ready', says whether the resumption was possible (resumed: false means reload).");
    }

    private static Results<ServerSentEventsResult<string>, ValidationProblem> Get(
        HttpContext context, LiveEventFeed feed, LiveFeedOptions options, string? kinds = null)
    {
        HashSet<string>? wanted = null;
        if (!string.IsNullOrWhiteSpace(kinds))
        {
            wanted = [.. kinds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            var unknown = wanted.Where(k => !Kinds.Contains(k)).ToList();
            if (unknown.Count > 0)
            {
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["kinds"] = [$"'{string.Join(",", unknown)}' is not among {string.Join(", ", Kinds)}"] },
                    detail: "The query has invalid values.");
            }
        }

        var lastEventId = context.Request.Headers["Last-Event-ID"].FirstOrDefault();
        var subscription = feed.Subscribe(lastEventId);
        return TypedResults.ServerSentEvents(Stream(subscription, wanted, options.WindowSize, context.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<string>> Stream(
        LiveFeedSubscription subscription, HashSet<string>? wanted, int window, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using (subscription)
        {
            yield return new SseItem<string>(
                JsonSerializer.Serialize(new ReadyNotice(subscription.Resumed, subscription.Replay.Count, window), ReadyNoticeJson.Default.ReadyNotice),
                "ready");
            foreach (var item in subscription.Replay)
            {
                if (wanted is null || wanted.Contains(item.Event.Kind))
                {
                    yield return ToSse(item);
                }
            }

            var reader = subscription.Events;
            while (!cancellationToken.IsCancellationRequested)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                idle.CancelAfter(s_ping);
                bool more;
                try
                {
                    more = await reader.WaitToReadAsync(idle.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    more = true;
                }

                if (!more)
                {
                    yield break;
                }

                if (!reader.TryPeek(out _))
                {
                    yield return new SseItem<string>("{}", "ping");
                    continue;
                }

                while (reader.TryRead(out var item))
                {
                    if (wanted is null || wanted.Contains(item.Event.Kind))
                    {
                        yield return ToSse(item);
                    }
                }
            }
        }
    }

    private static SseItem<string> ToSse(LiveEvent item) => new(item.Event.Json, item.Event.Kind) { EventId = item.Id };
}
