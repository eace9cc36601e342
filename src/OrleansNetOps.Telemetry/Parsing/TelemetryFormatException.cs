namespace OrleansNetOps.Telemetry.Parsing;

/// <summary>The one exception type the telemetry parsers throw for bad input; anything else is a bug.</summary>
public sealed class TelemetryFormatException : FormatException
{
    /// <summary>Creates the exception from a parse error.</summary>
    public TelemetryFormatException(TelemetryParseError error)
        : base(error.ToString())
    {
        Error = error;
    }

    /// <summary>Creates the exception with a reason and offset.</summary>
    public TelemetryFormatException(string reason, long offset)
        : this(new TelemetryParseError(reason, offset))
    {
    }

    /// <summary>The reason and offset.</summary>
    public TelemetryParseError Error { get; }

    /// <summary>Byte offset of the problem (-1 when only <see cref="Path"/> is known).</summary>
    public long Offset => Error.Offset;

    /// <summary>JSONPath of the problem, for structured input.</summary>
    public string? Path => Error.Path;
}
