using System.Collections.Frozen;

namespace OrleansNetOps.Assistant.Intents;

/// <summary>Numbers written in words: "two hundred and fifty", "twice", "three times".</summary>
internal static class NumberWords
{
    private static readonly FrozenDictionary<string, long> Units = new Dictionary<string, long>(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15,
        ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40,
        ["fourty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, long> Multipliers = new Dictionary<string, long>(StringComparer.Ordinal)
    {
        ["once"] = 1, ["twice"] = 2, ["thrice"] = 3, ["double"] = 2, ["triple"] = 3, ["quadruple"] = 4, ["single"] = 1,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>A multiplier word ("twice") and its value.</summary>
    public static bool TryMultiplier(string word, out long value) => Multipliers.TryGetValue(word, out value);

    /// <summary>
    /// Reads a number written in words starting at <paramref name="start"/> ("two hundred and fifty", "a hundred",
    /// "fifty-five"); returns how many words it used, 0 when there is none.
    /// </summary>
    public static int TryRead(IReadOnlyList<string> words, int start, out long value)
    {
        value = 0;
        long current = 0;
        var used = 0;
        var any = false;
        for (var i = start; i < words.Count; i++)
        {
            var word = words[i];
            if (Units.TryGetValue(word, out var unit))
            {
                current += unit;
                any = true;
                used = i - start + 1;
            }
            else if (word.Contains('-', StringComparison.Ordinal) && word.Split('-') is [var tens, var ones]
                && Units.TryGetValue(tens, out var t) && Units.TryGetValue(ones, out var o) && t >= 20 && o < 10)
            {
                current += t + o;
                any = true;
                used = i - start + 1;
            }
            else if (word == "hundred" && (any || (i > start && words[i - 1] == "a")))
            {
                current = Math.Max(current, 1) * 100;
                any = true;
                used = i - start + 1;
            }
            else if (word == "thousand" && (any || (i > start && words[i - 1] == "a")))
            {
                value += Math.Max(current, 1) * 1000;
                current = 0;
                any = true;
                used = i - start + 1;
            }
            else if (word == "a" && i == start && i + 1 < words.Count && words[i + 1] is "hundred" or "thousand")
            {
                continue;
            }
            else if (word == "and" && any && i + 1 < words.Count && Units.ContainsKey(words[i + 1]))
            {
                continue;
            }
            else
            {
                break;
            }
        }

        value += current;
        return any ? used : 0;
    }
}
