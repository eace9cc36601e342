namespace OrleansNetOps.Grains.Network;

/// <summary>A session state change, as the router grain tells the peer grain.</summary>
/// <param name="From">Lower-case state before.</param>
/// <param name="To">Lower-case state after.</param>
/// <param name="At">When.</param>
/// <param name="Reason">Why, for a down.</param>
[GenerateSerializer, Immutable]
public sealed record SessionChange(string From, string To, DateTimeOffset At, string? Reason);
