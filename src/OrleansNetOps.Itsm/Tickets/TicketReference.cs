using Orleans;

namespace OrleansNetOps.Itsm.Tickets;

/// <summary>An incident's ticket: what goes on the incident as <c>ticket: { system, key, url }</c>.</summary>
/// <param name="System"><c>servicenow</c> or <c>jira</c>.</param>
/// <param name="Key">The ticket's number or key (<c>INC0010001</c>, <c>OPS-12</c>).</param>
/// <param name="Url">Where a person opens it.</param>
/// <param name="CorrelationId">The incident id.</param>
/// <param name="ExternalId">The system's own id (ServiceNow <c>sys_id</c>, Jira issue id).</param>
[GenerateSerializer, Immutable]
public sealed record TicketReference(string System, string Key, Uri Url, string CorrelationId, string ExternalId);
