using System.Text.RegularExpressions;

namespace OrleansNetOps.Collectors.Udp;

/// <summary>
/// Turns a parser's error text into a counter key. Parser messages carry numbers (lengths, template ids, bytes);
/// replacing them keeps the set of keys small and fixed, so a flood of odd input cannot grow the counters without bound.
/// </summary>
internal static partial class RejectReason
{
    public static string Of(string reason)
    {
        var key = Numbers().Replace(reason, "N");
        return key.Length > 80 ? key[..80] : key;
    }

    [GeneratedRegex(@"0x[0-9A-Fa-f]+|\d+")]
    private static partial Regex Numbers();
}
