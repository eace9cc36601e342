using System.Net;

namespace OrleansNetOps.Silo.Simulation;

/// <summary>Everything one simulated router reports over BMP at one moment.</summary>
/// <param name="Hostname">sysName.</param>
/// <param name="Asn">Its AS.</param>
/// <param name="RouterId">Its BGP identifier.</param>
/// <param name="Sessions">Its sessions and what each delivers.</param>
/// <param name="LocRib">Its best paths (sent as RFC 9069 Loc-RIB).</param>
public sealed record SimulatedRouterView(string Hostname, uint Asn, IPAddress RouterId, IReadOnlyList<SimulatedSession> Sessions, IReadOnlyList<SimulatedRoute> LocRib);
