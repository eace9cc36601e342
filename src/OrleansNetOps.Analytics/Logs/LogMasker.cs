using System.Collections.Immutable;

namespace OrleansNetOps.Analytics.Logs;

/// <summary>
/// Turns a log message into the token sequence templates are mined from: split on white space, variables replaced by
/// <see cref="Wildcard"/>. The rules are generic (no per-source patterns) and work on the shape of a token:
/// <list type="bullet">
/// <item>a token without digits is kept as it is (words, and paths made of words);</item>
/// <item><c>key=value</c> keeps <c>key=</c> and masks the value by the same rules;</item>
/// <item>a token with digits and a path separator (<c>/</c> or <c>\</c>) is a path, file or URL: masked;</item>
/// <item>a dotted host name with a port (<c>proxy.example.edu:5070</c>) is masked;</item>
/// <item>a token with two or more digit-bearing alphanumeric runs (addresses, versions, dates, times, ids such as
/// <c>attempt_1445_0020_m_000002_0</c>) is masked whole;</item>
/// <item>a token with one digit-bearing run masks that run, letters included, and keeps its other parts
/// (<c>node-129</c> → <c>node-&lt;*&gt;</c>, <c>blk_-1608</c> → <c>blk_&lt;*&gt;</c>); it is masked whole when no letter
/// remains (numbers, hex, <c>0x1f</c>, <c>eth0</c>, <c>ssh2</c>);</item>
/// <item>a <c>ctime</c>-style date (<c>Fri Dec 10 19:02:14 EST 2004</c>, <c>Jul 24 02:38:22</c>) becomes one wildcard;</item>
/// <item>runs of identical masked tokens collapse into one (lists of ids or addresses of any length).</item>
/// </list>
/// </summary>
public static class LogMasker
{
    /// <summary>The variable marker, as loghub writes it.</summary>
    public const string Wildcard = "<*>";

    private const string Wrapping = "()[]{}<>\"',;";
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    private static readonly string[] Days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    /// <summary>The masked tokens of <paramref name="content"/>.</summary>
    /// <param name="content">A log message (the content part of a line, or a syslog MSG).</param>
    public static ImmutableArray<string> Mask(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var tokens = new List<string>();
        Tokenize(content, tokens);
        return [.. tokens];
    }

    /// <summary>The masked message as text: tokens joined by one space (e.g. <c>Accepted password for &lt;*&gt; from &lt;*&gt;</c>).</summary>
    /// <param name="content">A log message.</param>
    public static string MaskText(string content) => string.Join(' ', Mask(content));

    /// <summary>Appends the masked tokens of <paramref name="content"/> to <paramref name="tokens"/> (cleared first).</summary>
    internal static void Tokenize(string content, List<string> tokens, TokenTable? table = null)
    {
        tokens.Clear();
        var span = content.AsSpan();
        Span<Range> raw = span.Length <= 1024 ? stackalloc Range[span.Length / 2 + 1] : new Range[span.Length / 2 + 1];
        var count = Split(span, raw);
        for (var i = 0; i < count; i++)
        {
            var dateEnd = CtimeEnd(span, raw[..count], i);
            var token = dateEnd > i ? Wildcard : MaskToken(content, raw[i], table);
            if (dateEnd > i)
            {
                i = dateEnd - 1;
            }

            // A run of the same masked token is a list of values of one variable: its length is not part of the template.
            if (tokens.Count > 0 && string.Equals(tokens[^1], token, StringComparison.Ordinal) && token.Contains(Wildcard, StringComparison.Ordinal))
            {
                continue;
            }

            tokens.Add(token);
        }
    }

    private static int Split(ReadOnlySpan<char> span, Span<Range> ranges)
    {
        var count = 0;
        var i = 0;
        while (i < span.Length)
        {
            while (i < span.Length && char.IsWhiteSpace(span[i]))
            {
                i++;
            }

            var start = i;
            while (i < span.Length && !char.IsWhiteSpace(span[i]))
            {
                i++;
            }

            if (i > start)
            {
                ranges[count++] = new Range(start, i);
            }
        }

        return count;
    }

    private static string MaskToken(string content, Range range, TokenTable? table)
    {
        var token = content.AsSpan(range);
        if (!token.ContainsAnyInRange('0', '9'))
        {
            return table?.Get(token) ?? content[range];
        }

        var masked = Mask(token);
        return masked is null ? table?.Get(token) ?? content[range]
            : ReferenceEquals(masked, Wildcard) || table is null ? masked : table.Get(masked);
    }

    /// <summary>The masked form, or null when the token stays as it is.</summary>
    private static string? Mask(ReadOnlySpan<char> token)
    {
        var keyLength = KeyLength(token);
        if (keyLength > 0)
        {
            var value = token[keyLength..];
            return value.IsEmpty ? null : string.Concat(token[..keyLength], Mask(value) ?? value.ToString());
        }

        var start = 0;
        var end = token.Length;
        while (start < end && Wrapping.Contains(token[start], StringComparison.Ordinal))
        {
            start++;
        }

        while (end > start && (Wrapping.Contains(token[end - 1], StringComparison.Ordinal) || token[end - 1] is '.' or ':'))
        {
            end--;
        }

        var core = token[start..end];
        if (!core.ContainsAnyInRange('0', '9'))
        {
            return null;
        }

        if (IsPath(core) || IsHostAndPort(core))
        {
            return Wildcard;
        }

        // Find the alphanumeric runs that carry a digit; a sign before a number is part of it.
        var digitRuns = 0;
        int runStart = -1, runEnd = -1;
        for (var i = 0; i < core.Length;)
        {
            if (!char.IsAsciiLetterOrDigit(core[i]))
            {
                i++;
                continue;
            }

            var s = i;
            var hasDigit = false;
            while (i < core.Length && char.IsAsciiLetterOrDigit(core[i]))
            {
                hasDigit |= char.IsAsciiDigit(core[i]);
                i++;
            }

            if (hasDigit)
            {
                digitRuns++;
                runStart = s > 0 && core[s - 1] == '-' && (s == 1 || !char.IsAsciiLetterOrDigit(core[s - 2])) ? s - 1 : s;
                runEnd = i;
            }
        }

        if (digitRuns >= 2)
        {
            return Wildcard;
        }

        var before = core[..runStart];
        var after = core[runEnd..];
        if (!before.ContainsAnyInRange('A', 'Z') && !before.ContainsAnyInRange('a', 'z')
            && !after.ContainsAnyInRange('A', 'Z') && !after.ContainsAnyInRange('a', 'z'))
        {
            return Wildcard;
        }

        return string.Concat(string.Concat(token[..start], before, Wildcard), string.Concat(after, token[end..]));
    }

    /// <summary>Length of a leading <c>key=</c> (an identifier, optionally after <c>[</c> or <c>(</c>), or 0.</summary>
    private static int KeyLength(ReadOnlySpan<char> token)
    {
        var i = token.Length > 0 && token[0] is '[' or '(' ? 1 : 0;
        if (i >= token.Length || !(char.IsAsciiLetter(token[i]) || token[i] == '_'))
        {
            return 0;
        }

        for (i++; i < token.Length; i++)
        {
            var c = token[i];
            if (c == '=')
            {
                return i + 1;
            }

            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
            {
                return 0;
            }
        }

        return 0;
    }

    private static bool IsPath(ReadOnlySpan<char> core)
    {
        for (var i = 0; i < core.Length; i++)
        {
            if (core[i] is not ('/' or '\\'))
            {
                continue;
            }

            if ((i > 0 && IsNameChar(core[i - 1])) || (i + 1 < core.Length && IsNameChar(core[i + 1])))
            {
                return true;
            }
        }

        return false;

        static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-';
    }

    /// <summary>A dotted host name and a port, <c>proxy.example.edu:5070</c>: the host is as variable as the port.</summary>
    private static bool IsHostAndPort(ReadOnlySpan<char> core)
    {
        var colon = core.LastIndexOf(':');
        if (colon <= 0 || colon == core.Length - 1 || core[(colon + 1)..].ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        var host = core[..colon];
        var dots = 0;
        for (var i = 0; i < host.Length; i++)
        {
            if (host[i] == '.')
            {
                // Labels are never empty.
                if (i == 0 || i == host.Length - 1 || host[i - 1] == '.')
                {
                    return false;
                }

                dots++;
            }
            else if (!(char.IsAsciiLetterOrDigit(host[i]) || host[i] is '_' or '-'))
            {
                return false;
            }
        }

        return dots > 0;
    }

    /// <summary>
    /// When tokens from <paramref name="i"/> form a ctime-style date — [day] month day-of-month [year] time [zone]
    /// [year] — the index after it; otherwise <paramref name="i"/>.
    /// </summary>
    private static int CtimeEnd(ReadOnlySpan<char> span, ReadOnlySpan<Range> tokens, int i)
    {
        // Day and month names are capitalised: most tokens are turned away by their first letter.
        var token = span[tokens[i]];
        var initial = token.Length > 1 && Wrapping.Contains(token[0], StringComparison.Ordinal) ? token[1] : token[0];
        if (!char.IsAsciiLetterUpper(initial))
        {
            return i;
        }

        var j = i;
        if (StartsWithName(span[tokens[j]], Days) && j + 1 < tokens.Length)
        {
            j++;
        }

        if (!StartsWithName(span[tokens[j]], Months) || j + 2 >= tokens.Length || !IsNumber(span[tokens[j + 1]], 1, 2))
        {
            return i;
        }

        j += 2;
        if (IsNumber(span[tokens[j]], 4, 4) && j + 1 < tokens.Length)
        {
            j++;
        }

        if (!IsTime(span[tokens[j]]))
        {
            return i;
        }

        j++;
        if (j < tokens.Length && IsZone(span[tokens[j]]))
        {
            j++;
        }

        if (j < tokens.Length && IsNumber(span[tokens[j]], 4, 4))
        {
            j++;
        }

        return j;
    }

    private static bool StartsWithName(ReadOnlySpan<char> token, string[] names)
    {
        token = token.TrimStart(Wrapping).TrimEnd(',');
        // Most tokens fail here, before any name is compared.
        if (token.Length < 3 || !char.IsAsciiLetterUpper(token[0]) || !char.IsAsciiLetterLower(token[1]))
        {
            return false;
        }

        foreach (var name in names)
        {
            if (token.StartsWith(name, StringComparison.Ordinal) && !token[3..].ContainsAnyExceptInRange('a', 'z'))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNumber(ReadOnlySpan<char> token, int minDigits, int maxDigits)
    {
        token = token.TrimEnd(',');
        return token.Length >= minDigits && token.Length <= maxDigits && !token.ContainsAnyExceptInRange('0', '9');
    }

    private static bool IsTime(ReadOnlySpan<char> token)
    {
        // h:mm, hh:mm:ss, hh:mm:ss.fff
        var colon = token.IndexOf(':');
        return colon is 1 or 2 && token.Length >= colon + 3
            && !token[..colon].ContainsAnyExceptInRange('0', '9')
            && char.IsAsciiDigit(token[colon + 1]) && char.IsAsciiDigit(token[colon + 2])
            && !token[(colon + 3)..].ContainsAnyExcept(":.,0123456789");
    }

    private static bool IsZone(ReadOnlySpan<char> token) =>
        token.Length is 3 or 4 && !token.ContainsAnyExceptInRange('A', 'Z');
}
