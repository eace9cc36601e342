using Orleans;

namespace OrleansNetOps.Grains.Events;

/// <summary>
/// One change the live feed (<c>GET /api/v1/events</c>) tells its watchers about: an entity in its API shape,
/// already serialised, so the feed forwards it without knowing every entity type.
/// </summary>
/// <param name="Kind">The Server-Sent Events type: <c>router</c>, <c>peer</c>, <c>incident</c>, <c>action</c>, <c>audit</c>, <c>metric</c>.</param>
/// <param name="Id">The entity's id (router id, incident id, action id, audit sequence number…).</param>
/// <param name="At">When it changed.</param>
/// <param name="Json">The entity as the REST API returns it (camelCase JSON).</param>
[GenerateSerializer, Immutable]
public sealed record NetOpsEvent(string Kind, string Id, DateTimeOffset At, string Json);
