namespace OrleansNetOps.Grains.Incidents;

/// <summary>One line of an incident's timeline.</summary>
/// <param name="At">When.</param>
/// <param name="Kind"><c>finding</c>, <c>state</c>, <c>plan</c> or <c>action</c>.</param>
/// <param name="Actor">Who did it (an operator, <c>intake</c>, the incident's agent).</param>
/// <param name="Text">What happened.</param>
public sealed record IncidentEntry(DateTimeOffset At, string Kind, string Actor, string Text);
