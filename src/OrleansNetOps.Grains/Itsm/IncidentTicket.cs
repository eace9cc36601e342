namespace OrleansNetOps.Grains.Itsm;

/// <summary>An incident's ticket as the incident shows it (API.md: <c>ticket: { system, key, url }</c>).</summary>
/// <param name="System"><c>servicenow</c> or <c>jira</c>.</param>
/// <param name="Key">The ticket's number or key.</param>
/// <param name="Url">Where a person opens it.</param>
[GenerateSerializer, Immutable]
public sealed record IncidentTicket(string System, string Key, Uri Url);
