namespace OrleansNetOps.Twin.Sla;

/// <summary>
/// Parameters of the convergence estimate. Estimate = detection + depth × (advertisement interval + processing),
/// where depth is the longest chain of sessions along which a best-path change travelled in the simulation, and
/// detection is the route-map delay-timer for policy changes or the hold time for a link cut (bgpd without zebra
/// only notices a dead link when the hold timer expires). Defaults are the lab's settings.
/// </summary>
public sealed record ConvergenceModel
{
    /// <summary>MRAI (<c>advertisement-interval</c>) per hop; the lab uses 0.</summary>
    public double AdvertisementIntervalMs { get; init; }

    /// <summary>UPDATE processing per hop (receive, decide, send).</summary>
    public double ProcessingMsPerHop { get; init; } = 10;

    /// <summary><c>bgp route-map delay-timer</c> before a policy edit takes effect (lab: 1 s).</summary>
    public double RouteMapDelayMs { get; init; } = 1000;

    /// <summary>Hold time before a silently dead session is declared down (lab: <c>timers bgp 3 9</c>).</summary>
    public double HoldTimeMs { get; init; } = 9000;
}
