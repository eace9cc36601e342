namespace OrleansNetOps.Analytics.Bgp;

/// <summary>Prefix updates received from an ISP over some interval ending at <paramref name="At"/>.</summary>
/// <param name="At">End of the interval.</param>
/// <param name="Updates">Announcements plus withdrawals.</param>
public sealed record ChurnSample(DateTimeOffset At, int Updates);
