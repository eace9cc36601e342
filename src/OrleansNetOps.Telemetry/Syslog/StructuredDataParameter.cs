namespace OrleansNetOps.Telemetry.Syslog;

/// <summary>One <c>name="value"</c> pair of a structured-data element, with escapes removed from the value.</summary>
public sealed record StructuredDataParameter(string Name, string Value);
