using System.Globalization;
using System.Text;

namespace OrleansNetOps.Silo.Observability;

/// <summary>Writes the Prometheus text exposition format, version 0.0.4: HELP and TYPE lines, then one sample.</summary>
internal sealed class PrometheusTextWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly StringBuilder _text = new();

    public void Counter(string name, string help, double value) => Write(name, "counter", help, value);

    public void Gauge(string name, string help, double value) => Write(name, "gauge", help, value);

    public override string ToString() => _text.ToString();

    private void Write(string name, string type, string help, double value)
    {
        _text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(help)).Append('\n');
        _text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        _text.Append(name).Append(' ').Append(Format(value)).Append('\n');
    }

    private static string Format(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "+Inf"
        : double.IsNegativeInfinity(value) ? "-Inf"
        : value.ToString("R", CultureInfo.InvariantCulture);

    // The format allows any UTF-8 in HELP but a backslash or a line break must be escaped.
    private static string EscapeHelp(string help) => help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
