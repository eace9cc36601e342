using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrleansNetOps.TestSupport.Itsm;

/// <summary>
/// Kestrel on 127.0.0.1 (a free port) for a ticketing stand-in: logs every request and plays queued faults (error
/// statuses, answers too late, answers lost after the work was done) before the real handlers.
/// </summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalHttpServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>Faults to play, one per request, in order.</summary>
    public ConcurrentQueue<Fault> Faults { get; } = new();

    /// <summary>Every request: <c>METHOD /path?query</c> and what was answered.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<LocalHttpServer> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        LocalHttpServer? server = null;
        app.Use(async (context, next) =>
        {
            var line = $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}";
            if (server!.Faults.TryPeek(out var head) && (head.Method is null || head.Method == context.Request.Method) && server.Faults.TryDequeue(out var fault))
            {
                if (fault.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(fault.Delay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                    if (context.RequestAborted.IsCancellationRequested)
                    {
                        // The client gave up before the answer; the request was never processed.
                        server.Requests.Enqueue($"{line} -> no answer (fault)");
                        return;
                    }
                }

                if (fault.AfterProcessing)
                {
                    var real = context.Response.Body;
                    context.Response.Body = new MemoryStream();
                    await next(context);
                    context.Response.Body = real;
                    context.Response.Clear();
                }

                if (fault.Delay == TimeSpan.Zero || fault.Status != 200)
                {
                    context.Response.StatusCode = fault.Status;
                    await context.Response.WriteAsync("stand-in fault");
                    server.Requests.Enqueue($"{line} -> {fault.Status} (fault{(fault.AfterProcessing ? ", after processing" : string.Empty)})");
                    return;
                }
            }

            await next(context);
            server.Requests.Enqueue($"{line} -> {context.Response.StatusCode}");
        });
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new LocalHttpServer(app, new Uri(address + "/"));

        // One request before the test's, so that its first attempt does not pay for the server's warm-up.
        using (var warmUp = new HttpClient())
        {
            using var _ = await warmUp.GetAsync(new Uri(server.BaseUrl, "warm-up"));
        }

        server.Requests.Clear();
        return server;
    }

    /// <summary>Whether a request carried basic credentials <paramref name="user"/>:<paramref name="secret"/>.</summary>
    public static bool Authorized(HttpRequest request, string user, string secret) =>
        request.Headers.Authorization.ToString() == "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{secret}"));

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
