namespace OrleansNetOps.Cli.Offline;

/// <summary>One row of a <c>timestamp,value</c> file, with the text it was read from (echoed back unchanged).</summary>
/// <param name="Line">1-based line number in the file.</param>
/// <param name="TimestampText">The timestamp as written.</param>
/// <param name="ValueText">The value as written.</param>
/// <param name="At">The parsed timestamp (UTC when the text has no offset).</param>
/// <param name="Value">The parsed value.</param>
internal sealed record SeriesRow(int Line, string TimestampText, string ValueText, DateTimeOffset At, double Value);
