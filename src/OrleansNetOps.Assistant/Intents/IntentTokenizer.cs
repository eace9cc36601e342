using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Assistant.Intents;

/// <summary>
/// Turns a sentence into tokens the grammar reads: prefixes, addresses, communities, numbers (digits or words, with
/// "twice"/"3 times"/"x3" marked as multipliers), topology nodes (longest name first) and words mapped to concepts.
/// </summary>
internal static partial class IntentTokenizer
{
    [GeneratedRegex(@"(?<prefix>[0-9A-Fa-f:.]*[:.][0-9A-Fa-f:.]*/\d{1,3})|(?<community>\b\d{1,10}:\d{1,10}(?::\d{1,10})?\b)(?!:)|(?<addr>\b\d{1,3}(?:\.\d{1,3}){3}\b|(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:]))|(?<word>[A-Za-z][A-Za-z0-9_]*(?:[-'’][A-Za-z0-9_]+)*)|(?<num>\d+(?:,\d{3})*)(?<x>[xX]\b)?", RegexOptions.CultureInvariant)]
    private static partial Regex RawToken();

    public static List<IntentToken> Tokenize(string text, TopologyNames names)
    {
        var raw = new List<IntentToken>();
        foreach (Match match in RawToken().Matches(text))
        {
            if (match.Groups["prefix"].Success)
            {
                var value = match.Groups["prefix"].Value.Trim('.');
                raw.Add(IpPrefix.TryParse(value, out var prefix)
                    ? new IntentToken(TokenKind.Prefix, prefix.ToString(), "PREFIX")
                    : new IntentToken(TokenKind.Word, value.ToLowerInvariant(), "?PREFIX"));
            }
            else if (match.Groups["community"].Success)
            {
                raw.Add(new IntentToken(TokenKind.Community, match.Value, "COMMUNITY_VALUE"));
            }
            else if (match.Groups["addr"].Success)
            {
                if (IPAddress.TryParse(match.Value, out var address))
                {
                    raw.Add(new IntentToken(TokenKind.Address, address.ToString(), "ADDRESS") { Entity = names.ByAddress(address) });
                }
            }
            else if (match.Groups["word"].Success)
            {
                var word = match.Value.ToLowerInvariant().Replace('’', '\'');
                if (word.EndsWith("'s", StringComparison.Ordinal))
                {
                    word = word[..^2];
                }

                if (word.Length > 1 && word[0] == 'x' && long.TryParse(word.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var times))
                {
                    raw.Add(new IntentToken(TokenKind.Number, word, "NUMBER") { Value = times, IsTimes = true });
                }
                else
                {
                    raw.Add(new IntentToken(TokenKind.Word, word, word));
                }
            }
            else if (long.TryParse(match.Groups["num"].Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                raw.Add(new IntentToken(TokenKind.Number, match.Groups["num"].Value, "NUMBER") { Value = number, IsTimes = match.Groups["x"].Success });
            }
        }

        return Concepts(MarkTimes(Entities(Numbers(raw), names)));
    }

    // Number words become numbers; multiplier words become multipliers.
    private static List<IntentToken> Numbers(List<IntentToken> tokens)
    {
        var words = tokens.Select(t => t.Kind == TokenKind.Word ? t.Text : string.Empty).ToList();
        var result = new List<IntentToken>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == TokenKind.Word && NumberWords.TryMultiplier(tokens[i].Text, out var multiplier))
            {
                result.Add(new IntentToken(TokenKind.Number, tokens[i].Text, "NUMBER") { Value = multiplier, IsTimes = true });
                continue;
            }

            long value = 0;
            var used = tokens[i].Kind == TokenKind.Word ? NumberWords.TryRead(words, i, out value) : 0;
            if (used > 0)
            {
                result.Add(new IntentToken(TokenKind.Number, string.Join(' ', words.Skip(i).Take(used)), "NUMBER") { Value = value });
                i += used - 1;
                continue;
            }

            result.Add(tokens[i]);
        }

        return result;
    }

    // Topology names, longest span first: "edge router 01", "provider A", "AS 1234", "R2".
    private static List<IntentToken> Entities(List<IntentToken> tokens, TopologyNames names)
    {
        var result = new List<IntentToken>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var found = false;
            for (var length = Math.Min(4, tokens.Count - i); length >= 1 && !found; length--)
            {
                var span = tokens.Skip(i).Take(length).ToList();
                if (span.Any(t => t.Kind is not (TokenKind.Word or TokenKind.Number)) || span[0].Kind != TokenKind.Word)
                {
                    continue;
                }

                var squashed = TopologyNames.Squash(string.Concat(span.Select(t => t.Kind == TokenKind.Number ? t.Value.ToString(CultureInfo.InvariantCulture) : t.Text)));
                if (squashed.Length > names.LongestName || names.ByName(squashed) is not { } entity)
                {
                    continue;
                }

                result.Add(new IntentToken(TokenKind.Entity, entity.Id, entity.IsRouter ? "ROUTER" : "ISP") { Entity = entity });
                i += length - 1;
                found = true;
            }

            if (found)
            {
                continue;
            }

            // "AS 65001" that names no node: an AS number (what to prepend).
            if (tokens[i].Kind == TokenKind.Word && tokens[i].Text is "as" or "asn" && i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Number)
            {
                result.Add(tokens[i + 1] with { IsAsn = true });
                i++;
                continue;
            }

            if (tokens[i].Kind == TokenKind.Word && tokens[i].Text.Length > 2 && tokens[i].Text.StartsWith("as", StringComparison.Ordinal)
                && long.TryParse(tokens[i].Text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var asn))
            {
                result.Add(new IntentToken(TokenKind.Number, tokens[i].Text, "NUMBER") { Value = asn, IsAsn = true });
                continue;
            }

            result.Add(tokens[i]);
        }

        return result;
    }

    // "3 times", "2 x": the number is a multiplier and the word goes.
    private static List<IntentToken> MarkTimes(List<IntentToken> tokens)
    {
        var result = new List<IntentToken>();
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.Word && token.Text is "times" or "time" or "x" or "fold" && result.Count > 0 && result[^1].Kind == TokenKind.Number)
            {
                result[^1] = result[^1] with { IsTimes = true };
                continue;
            }

            result.Add(token);
        }

        return result;
    }

    // Phrases (up to four words, squashed) then single words become concepts; well-known community names become communities.
    private static List<IntentToken> Concepts(List<IntentToken> tokens)
    {
        var result = new List<IntentToken>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.Word)
            {
                result.Add(tokens[i]);
                continue;
            }

            var matched = false;
            for (var length = Math.Min(4, tokens.Count - i); length >= 1 && !matched; length--)
            {
                var span = tokens.Skip(i).Take(length).ToList();
                if (span.Any(t => t.Kind != TokenKind.Word))
                {
                    continue;
                }

                var squashed = string.Concat(span.Select(t => TopologyNames.Squash(t.Text)));
                if (!Lexicon.Phrases.TryGetValue(squashed, out var lemma))
                {
                    continue;
                }

                var text = string.Join(' ', span.Select(t => t.Text));
                result.Add(lemma.StartsWith('=')
                    ? new IntentToken(TokenKind.Community, lemma[1..], "COMMUNITY_VALUE")
                    : new IntentToken(TokenKind.Word, text, lemma));
                i += length - 1;
                matched = true;
            }

            if (matched)
            {
                continue;
            }

            var word = tokens[i].Text;
            if (word is "blackhole" && CommunityText.TryParse(word, out _))
            {
                result.Add(new IntentToken(TokenKind.Community, "blackhole", "COMMUNITY_VALUE"));
                continue;
            }

            result.Add(tokens[i] with { Lemma = Lexicon.Words.GetValueOrDefault(word) ?? Lexicon.Words.GetValueOrDefault(Singular(word)) ?? word });
        }

        return result;
    }

    private static string Singular(string word) =>
        word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;
}
