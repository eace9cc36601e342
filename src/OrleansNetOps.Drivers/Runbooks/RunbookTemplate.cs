using System.Text;
using System.Text.Encodings.Web;

namespace OrleansNetOps.Drivers.Runbooks;

/// <summary><c>{{field}}</c> templates filled from incident fields, encoded for where they are used.</summary>
internal static class RunbookTemplate
{
    /// <summary>
    /// Fills <paramref name="template"/>. Problems are added to <paramref name="errors"/> prefixed with
    /// <paramref name="where"/> (e.g. <c>run.arguments[1]</c>), and the unfilled text is returned.
    /// </summary>
    public static string Expand(string template, IReadOnlyDictionary<string, string> fields, TemplateEncoding encoding, string where, List<string> errors)
    {
        var text = new StringBuilder(template.Length);
        var at = 0;
        while (at < template.Length)
        {
            var open = template.IndexOf("{{", at, StringComparison.Ordinal);
            if (open < 0)
            {
                text.Append(template, at, template.Length - at);
                break;
            }

            text.Append(template, at, open - at);
            var close = template.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                errors.Add($"{where}: '{{{{' at position {open} is not closed with '}}}}'");
                return template;
            }

            var name = template[(open + 2)..close].Trim();
            if (!fields.TryGetValue(name, out var value))
            {
                errors.Add($"{where}: '{{{{{name}}}}}' names no field of the incident (fields: {string.Join(", ", fields.Keys.Order(StringComparer.Ordinal))})");
                return template;
            }

            switch (encoding)
            {
                case TemplateEncoding.UrlComponent:
                    text.Append(Uri.EscapeDataString(value));
                    break;
                case TemplateEncoding.Json:
                    text.Append(JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(value));
                    break;
                case TemplateEncoding.HeaderValue when value.Any(c => c is '\r' or '\n' or '\0'):
                    errors.Add($"{where}: field '{name}' holds a line break and cannot go into a header");
                    return template;
                default:
                    if (value.Contains('\0', StringComparison.Ordinal))
                    {
                        errors.Add($"{where}: field '{name}' holds a NUL character");
                        return template;
                    }

                    text.Append(value);
                    break;
            }

            at = close + 2;
        }

        return text.ToString();
    }
}
