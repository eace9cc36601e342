namespace OrleansNetOps.Silo.Simulation;

/// <summary>
/// What the demo's probes through an ISP measure at a given utilisation of our link to it: the ISP's own latency plus
/// queueing delay, which grows as u / (1 − u) (one queue served at link rate) until the buffer is full
/// (<see cref="BufferMs"/> of delay); beyond that the queue drops what does not fit, so loss grows instead.
/// </summary>
public static class SimulatedProbes
{
    /// <summary>
    /// Queueing delay per unit of u / (1 − u): a link at 50 % adds 3.5 ms, one at 87.5 % 24.5 ms — with ISP-A's 8 ms
    /// that crosses the analysts' 30 ms latency floor in the same step as the utilisation crosses its 85 % floor.
    /// </summary>
    public const double ServiceMs = 3.5;

    /// <summary>The most delay the buffer holds.</summary>
    public const double BufferMs = 35;

    /// <summary>Loss (percent) per point of utilisation beyond the full buffer.</summary>
    public const double LossPerPoint = 0.1;

    /// <summary>Utilisation (0..1) at which the buffer fills.</summary>
    public static double Full => BufferMs / (BufferMs + ServiceMs);

    /// <summary>Probe latency (ms) through an ISP whose base latency is <paramref name="baseMs"/>, at utilisation <paramref name="utilisation"/> (0..1).</summary>
    public static double LatencyMs(double baseMs, double utilisation)
    {
        var u = Math.Clamp(utilisation, 0, 0.999);
        return baseMs + Math.Min(BufferMs, ServiceMs * u / (1 - u));
    }

    /// <summary>Probe loss (percent) at utilisation <paramref name="utilisation"/> (0..1).</summary>
    public static double LossPct(double utilisation) => Math.Max(0, (utilisation - Full) * 100 * LossPerPoint);
}
