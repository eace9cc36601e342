namespace OrleansNetOps.Grains.Network;

/// <summary>Names of the telemetry streams.</summary>
public static class TelemetryStreams
{
    /// <summary>The stream provider that carries telemetry.</summary>
    public const string Provider = "Default";

    /// <summary>BMP batches, keyed by router id.</summary>
    public const string Bmp = "telemetry.bmp";
}
