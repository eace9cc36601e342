using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using OrleansNetOps.Itsm.Tickets;

namespace OrleansNetOps.Itsm.Outbox;

/// <summary>The Polly 8 pipeline around one delivery: exponential backoff with jitter over transient failures, a timeout per attempt.</summary>
public static class TicketDeliveryPipeline
{
    /// <summary>Builds the pipeline.</summary>
    public static ResiliencePipeline Create(TicketRetryOptions options, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ResiliencePipelineBuilder { TimeProvider = time ?? TimeProvider.System }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<TicketSystemException>(e => e.IsTransient)
                    .Handle<TimeoutRejectedException>()
                    .Handle<HttpRequestException>(),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                OnRetry = args =>
                {
                    logger?.LogWarning(args.Outcome.Exception, "ticket delivery attempt {Attempt} failed; retrying in {Delay}", args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }
}
