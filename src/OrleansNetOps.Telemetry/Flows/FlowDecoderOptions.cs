namespace OrleansNetOps.Telemetry.Flows;

/// <summary>Limits and lifetimes for <see cref="FlowDecoder"/>.</summary>
public sealed record FlowDecoderOptions
{
    /// <summary>A template not refreshed for this long is forgotten (exporters resend templates periodically over UDP).</summary>
    public TimeSpan TemplateLifetime { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Most data sets held while waiting for their template; beyond it the oldest is dropped and counted.</summary>
    public int MaxPendingSets { get; init; } = 1024;

    /// <summary>A held data set whose template has not arrived after this long is dropped and counted.</summary>
    public TimeSpan PendingTimeout { get; init; } = TimeSpan.FromMinutes(2);
}
