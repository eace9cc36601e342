namespace OrleansNetOps.Silo.Telemetry;

// Response shapes of API.md "Telemetry in". Internal: they exist only to be serialised.

/// <summary>A point of <c>GET /api/v1/metrics/series</c>.</summary>
internal sealed record SeriesPointView(DateTimeOffset T, double V);

/// <summary>A one-minute rollup of <c>GET /api/v1/metrics/series?resolution=1m</c>: <c>v</c> is the mean.</summary>
internal sealed record SeriesMinuteView(DateTimeOffset T, double V, double Min, double Max, long Count);

/// <summary><c>GET /api/v1/metrics/series</c>.</summary>
internal sealed record SeriesView(string Router, string Path, string Resolution, IReadOnlyList<object> Points);

/// <summary>A name/value pair of syslog structured data.</summary>
internal sealed record StructuredDataParameterView(string Name, string Value);

/// <summary>A syslog structured-data element.</summary>
internal sealed record StructuredDataView(string Id, IReadOnlyList<StructuredDataParameterView> Parameters);

/// <summary>A message of <c>GET /api/v1/logs</c>.</summary>
internal sealed record LogEntryView(
    DateTimeOffset T, string Router, string? Host, string Facility, string Severity, string? AppName, string? ProcId, string? MsgId,
    string Message, IReadOnlyList<StructuredDataView> StructuredData, string? TemplateId, string Format, string Source, string Transport, DateTimeOffset ReceivedAt);

/// <summary>A varbind of <c>GET /api/v1/traps</c>.</summary>
internal sealed record VarbindView(string Oid, string? Name, string Type, string Value);

/// <summary>A trap of <c>GET /api/v1/traps</c>.</summary>
internal sealed record TrapView(DateTimeOffset T, string Router, string TrapOid, string? Name, IReadOnlyList<VarbindView> Varbinds, string Version, string Community, uint Uptime, string Source);

/// <summary>A collector of <c>GET /api/v1/collectors</c>.</summary>
internal sealed record CollectorView(string Name, string Protocol, int Port, bool Listening, long Received, long Parsed, IReadOnlyDictionary<string, long> Rejected, long Sources, IReadOnlyDictionary<string, long> BySource, long Bytes);

/// <summary>A line of a Prometheus push that was not stored: its 1-based line number, the byte offset of the problem, and why.</summary>
internal sealed record RejectedLineView(int Line, long Offset, string Reason);

/// <summary>The answer to a metrics or Prometheus push.</summary>
internal sealed record IngestResultView(int Accepted, IReadOnlyList<RejectedLineView> Rejected);

/// <summary>The answer to an Alertmanager webhook.</summary>
internal sealed record AlertsAcceptedView(int Accepted, string Status, string Receiver);
