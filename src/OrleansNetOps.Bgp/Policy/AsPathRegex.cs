using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using OrleansNetOps.Bgp.Attributes;

namespace OrleansNetOps.Bgp.Policy;

/// <summary>
/// AS-path regular expressions in FRR/Cisco syntax, run by .NET over the path's text form
/// (<c>1 2 {3,4} (5 6)</c>, as <see cref="AsPath.ToString"/> writes it and FRR prints it). The one
/// dialect difference is <c>_</c>, which matches a delimiter: the start or end of the string, a space, or a
/// set/confederation bracket or comma.
/// </summary>
public static class AsPathRegex
{
    private const string Delimiter = @"(?:^|$|[ ,{}()\[\]])";
    private static readonly ConcurrentDictionary<string, Regex> Compiled = new(StringComparer.Ordinal);

    /// <summary>Translates an FRR AS-path regex into a .NET pattern.</summary>
    public static string Translate(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var builder = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                builder.Append(c).Append(pattern[++i]);
                continue;
            }

            // Inside a bracket expression an underscore is just an underscore.
            inClass = c switch
            {
                '[' => true,
                ']' => false,
                _ => inClass,
            };
            builder.Append(c == '_' && !inClass ? Delimiter : c.ToString());
        }

        return builder.ToString();
    }

    /// <summary>The compiled regex for an FRR pattern; throws <see cref="FormatException"/> when it is not valid.</summary>
    public static Regex Get(string pattern) =>
        Compiled.GetOrAdd(pattern, static p =>
        {
            try
            {
                // Non-backtracking: patterns come from configuration and what-if requests, so no pattern may
                // take more than linear time.
                return new Regex(Translate(p), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException)
            {
                throw new FormatException($"'{p}' is not a valid AS-path regular expression: {e.Message}", e);
            }
        });

    /// <summary>True when <paramref name="pattern"/> matches somewhere in <paramref name="path"/>.</summary>
    public static bool IsMatch(string pattern, AsPath? path) => Get(pattern).IsMatch((path ?? AsPath.Empty).ToString());
}
