using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using OrleansNetOps.Silo.Hosting;

namespace OrleansNetOps.Silo.Tests.Hosting;

public sealed class ClusterUnavailableExceptionHandlerTests
{
    [Fact]
    public async Task A_call_that_met_a_dead_silo_answers_503_with_retry_after_and_other_failures_are_left_alone()
    {
        await using var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var handler = ActivatorUtilities.CreateInstance<ClusterUnavailableExceptionHandler>(services);

        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "GET";
        context.Request.Path = "/api/v1/routers/R4/peers";
        context.Response.Body = new MemoryStream();
        Assert.True(await handler.TryHandleAsync(context, new SiloUnavailableException("silo S127.0.0.1:1 is dead"), CancellationToken.None));
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("2", context.Response.Headers.RetryAfter.ToString());
        context.Response.Body.Position = 0;
        using var problem = await JsonDocument.ParseAsync(context.Response.Body);
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("retry", problem.RootElement.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);

        var other = new DefaultHttpContext { RequestServices = services };
        Assert.False(await handler.TryHandleAsync(other, new InvalidOperationException("a bug"), CancellationToken.None));
        Assert.Equal(StatusCodes.Status200OK, other.Response.StatusCode);
    }
}
