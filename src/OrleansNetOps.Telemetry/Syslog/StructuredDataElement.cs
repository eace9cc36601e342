namespace OrleansNetOps.Telemetry.Syslog;

/// <summary>One <c>[id name="value" ...]</c> element of RFC 5424 structured data.</summary>
/// <param name="Id">SD-ID, e.g. <c>timeQuality</c> or <c>exampleSDID@32473</c>.</param>
/// <param name="Parameters">Parameters in the order they were sent (names may repeat).</param>
public sealed record StructuredDataElement(string Id, IReadOnlyList<StructuredDataParameter> Parameters)
{
    /// <summary>Value of the first parameter with that name, or null.</summary>
    public string? this[string name] => Parameters.FirstOrDefault(p => p.Name == name)?.Value;
}
