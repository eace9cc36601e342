namespace OrleansNetOps.Analytics.Logs;

/// <summary>Checks a saved template and rebuilds it, naming what is wrong when it cannot.</summary>
internal static class LogTemplateStateReader
{
    public static TemplateCluster Read(LogTemplateState? saved, bool duplicate, int leadingTokens)
    {
        if (saved is null)
        {
            throw new ArgumentException("log template state: a template is null", "state");
        }

        var name = string.IsNullOrEmpty(saved.Id) ? "(no id)" : saved.Id;
        Require(!string.IsNullOrEmpty(saved.Id), name, nameof(saved.Id), "is empty");
        Require(!duplicate, name, nameof(saved.Id), "appears twice");
        Require(!saved.Tokens.IsDefault, name, nameof(saved.Tokens), "is missing");
        Require(!saved.Path.IsDefault && saved.Path.Length == Math.Min(leadingTokens, saved.Tokens.Length), name, nameof(saved.Path),
            $"does not have {Math.Min(leadingTokens, saved.Tokens.Length)} keys (LeadingTokens {leadingTokens}): restore with the options it was learned with");
        Require(saved.Count >= 1, name, nameof(saved.Count), "must be at least 1");
        Require(saved.FirstSeen <= saved.LastSeen, name, nameof(saved.FirstSeen), "is after LastSeen");
        foreach (var token in saved.Tokens)
        {
            Require(!string.IsNullOrEmpty(token) && !token.Any(char.IsWhiteSpace), name, nameof(saved.Tokens), "holds an empty token or one with white space");
        }

        var tokens = saved.Tokens.Select(Canonical).ToArray();
        var path = saved.Path.Select(Canonical).ToArray();
        return new TemplateCluster(saved.Id, saved.IdBorn, saved.Created, tokens, path, saved.FirstSeen)
        {
            Count = saved.Count,
            LastSeen = saved.LastSeen,
            LastUsed = saved.LastUsed,
            LastFindingAt = saved.LastFindingAt,
        };
    }

    private static string Canonical(string token) => token == LogMasker.Wildcard ? LogMasker.Wildcard : token;

    private static void Require(bool condition, string template, string field, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"log template state: template {template}: {field} {problem}", "state");
        }
    }
}
