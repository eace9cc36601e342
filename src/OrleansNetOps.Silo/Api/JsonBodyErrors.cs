using System.Globalization;
using System.Text.Json;

namespace OrleansNetOps.Silo.Api;

/// <summary>Words for a body that is not JSON: where it broke, not the parser's internals.</summary>
internal static class JsonBodyErrors
{
    /// <summary>E.g. <c>malformed JSON at line 1, byte 14 (at $.changes[0])</c>.</summary>
    public static string Describe(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var where = exception.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, byte {(exception.BytePositionInLine ?? 0) + 1}")
            : string.Empty;
        var path = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? string.Empty : $" (at {exception.Path})";
        return $"malformed JSON{where}{path}";
    }
}
