namespace OrleansNetOps.Silo.Network;

/// <summary>A series' latest point on <c>GET /api/v1/routers/{id}</c>.</summary>
/// <param name="T">When it was measured.</param>
/// <param name="V">The value; null for NaN or an infinity (JSON has no such numbers).</param>
public sealed record MetricPointView(DateTimeOffset T, double? V);
