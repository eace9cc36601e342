namespace OrleansNetOps.Grains.Coordination;

/// <summary>An exclusive hold on one router/policy object.</summary>
/// <param name="Object">The object (<c>R2|ISP-B|in</c>: router, neighbour, direction).</param>
/// <param name="Holder">The action holding it.</param>
/// <param name="Expires">When it lapses unless renewed.</param>
[GenerateSerializer, Immutable]
public sealed record Lease(string Object, string Holder, DateTimeOffset Expires);
