using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace OrleansNetOps.Analytics.Logs;

/// <summary>
/// A line layout in loghub's syntax (the logparser benchmark's <c>log_format</c>), e.g.
/// <c>&lt;Date&gt; &lt;Time&gt; &lt;Level&gt; \[&lt;Process&gt;\] &lt;Component&gt;: &lt;Content&gt;</c>: fields in angle
/// brackets, everything between them a regular expression in which runs of spaces match any white space. It is
/// turned into a regex exactly as logparser does (each field a lazy group, anchored at both ends) and matched against
/// the line with surrounding white space removed.
/// </summary>
public sealed partial class LogFormat
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);
    private readonly Regex regex;
    private readonly int content;

    private LogFormat(string text, Regex regex, ImmutableArray<string> fields)
    {
        Text = text;
        this.regex = regex;
        Fields = fields;
        content = regex.GroupNumberFromName("Content");
    }

    /// <summary>The format as written.</summary>
    public string Text { get; }

    /// <summary>The field names, in order.</summary>
    public ImmutableArray<string> Fields { get; }

    /// <summary>Reads a format.</summary>
    /// <param name="format">Loghub syntax; must have a <c>&lt;Content&gt;</c> field.</param>
    /// <exception cref="FormatException">The format has no Content field, a bad or repeated field name, or is not a valid pattern; the message says which.</exception>
    public static LogFormat Parse(string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var pattern = new StringBuilder("^");
        var fields = ImmutableArray.CreateBuilder<string>();
        var last = 0;
        foreach (Match field in FieldPattern().Matches(format))
        {
            pattern.Append(Spaces().Replace(format[last..field.Index], @"\s+"));
            var name = field.Groups[1].Value;
            if (!FieldName().IsMatch(name))
            {
                throw new FormatException($"log format field <{name}> at offset {field.Index}: a name is letters, digits and '_', not starting with a digit");
            }

            if (fields.Contains(name))
            {
                throw new FormatException($"log format field <{name}> at offset {field.Index} appears twice");
            }

            fields.Add(name);
            pattern.Append("(?<").Append(name).Append(">.*?)");
            last = field.Index + field.Length;
        }

        pattern.Append(Spaces().Replace(format[last..], @"\s+")).Append('$');
        if (!fields.Contains("Content"))
        {
            throw new FormatException($"log format '{format}' has no <Content> field");
        }

        try
        {
            return new LogFormat(format, new Regex(pattern.ToString(), RegexOptions.CultureInvariant, MatchTimeout), fields.ToImmutable());
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"log format '{format}' is not a valid pattern: {e.Message}", e);
        }
    }

    /// <summary>The Content field of <paramref name="line"/>; false when the line does not have this layout.</summary>
    /// <param name="line">One line, without its line break.</param>
    /// <param name="value">The content, or null.</param>
    public bool TryGetContent(string line, out string? value)
    {
        ArgumentNullException.ThrowIfNull(line);
        try
        {
            var match = regex.Match(line.Trim());
            value = match.Success ? match.Groups[content].Value : null;
            return match.Success;
        }
        catch (RegexMatchTimeoutException)
        {
            value = null;
            return false;
        }
    }

    [GeneratedRegex("<([^<>]+)>", RegexOptions.CultureInvariant)]
    private static partial Regex FieldPattern();

    [GeneratedRegex(" +", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldName();
}
