using System.Collections.Immutable;

namespace OrleansNetOps.Drivers.Frr;

/// <summary>A BGP neighbour as configured under <c>router bgp</c>.</summary>
/// <param name="Address">The neighbour as FRR names it (an address, or an interface for unnumbered sessions).</param>
/// <param name="Name">The key of its policy binding: the topology id when known, else its description, else <paramref name="Address"/>.</param>
/// <param name="RemoteAs">The <c>remote-as</c> value as configured (a number, <c>internal</c> or <c>external</c>).</param>
/// <param name="Description">Its <c>description</c>, if any.</param>
/// <param name="Shutdown">Whether it is administratively shut down.</param>
/// <param name="PeerGroup">The peer-group it belongs to, if any.</param>
/// <param name="Families">Address families it is active in, e.g. <c>ipv4 unicast</c>.</param>
public sealed record FrrNeighbor(string Address, string Name, string? RemoteAs, string? Description, bool Shutdown, string? PeerGroup, ImmutableArray<string> Families);
