namespace OrleansNetOps.Telemetry.Parsing;

/// <summary>Why some input could not be decoded, and where.</summary>
/// <param name="Reason">What was wrong, in terms of the wire format.</param>
/// <param name="Offset">Byte offset from the start of the input where the problem was found; -1 when only <paramref name="Path"/> locates it.</param>
/// <param name="Path">For structured (JSON) input, the JSONPath of the offending value, e.g. <c>$.alerts[2].startsAt</c>.</param>
public readonly record struct TelemetryParseError(string Reason, long Offset, string? Path = null)
{
    /// <inheritdoc />
    public override string ToString() => Path is null ? $"{Reason} (at offset {Offset})" : $"{Path}: {Reason}" + (Offset >= 0 ? $" (at offset {Offset})" : string.Empty);
}
