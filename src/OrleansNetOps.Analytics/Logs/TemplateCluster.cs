namespace OrleansNetOps.Analytics.Logs;

/// <summary>A template being learned: its tokens (constants and wildcards), where it sits in the tree, and its counts.</summary>
internal sealed class TemplateCluster
{
    public TemplateCluster(string id, long idBorn, long created, string[] tokens, string[] path, DateTimeOffset at)
    {
        Id = id;
        IdBorn = idBorn;
        Created = created;
        Tokens = tokens;
        Path = path;
        Text = string.Join(' ', tokens);
        FirstSeen = at;
        LastSeen = at;
    }

    /// <summary>The template id.</summary>
    public string Id { get; set; }

    /// <summary>Creation sequence of the template that first carried <see cref="Id"/>; the older id wins a merge.</summary>
    public long IdBorn { get; set; }

    /// <summary>Creation sequence (the line number that created it); the order within a tree leaf.</summary>
    public long Created { get; }

    /// <summary>Constants and <see cref="LogMasker.Wildcard"/>s; the length never changes.</summary>
    public string[] Tokens { get; }

    /// <summary>The tree keys it was filed under (token count excluded).</summary>
    public string[] Path { get; }

    /// <summary>The tokens joined by spaces.</summary>
    public string Text { get; private set; }

    /// <summary>Lines matched.</summary>
    public long Count { get; set; }

    /// <summary>Earliest line time.</summary>
    public DateTimeOffset FirstSeen { get; set; }

    /// <summary>Latest line time.</summary>
    public DateTimeOffset LastSeen { get; set; }

    /// <summary>When the last finding about it was raised.</summary>
    public DateTimeOffset? LastFindingAt { get; set; }

    /// <summary>Its place in the least-recently-used list; its value is the line sequence of the last use.</summary>
    public LinkedListNode<TemplateCluster>? Recency { get; set; }

    /// <summary>Line sequence of the last match (or creation).</summary>
    public long LastUsed { get; set; }

    /// <summary>Turns every position where <paramref name="line"/> differs into a wildcard; true when something changed.</summary>
    public bool Generalise(List<string> line)
    {
        var changed = false;
        for (var i = 0; i < Tokens.Length; i++)
        {
            if (!IsWildcard(Tokens[i]) && !string.Equals(Tokens[i], line[i], StringComparison.Ordinal))
            {
                Tokens[i] = LogMasker.Wildcard;
                changed = true;
            }
        }

        if (changed)
        {
            Text = string.Join(' ', Tokens);
        }

        return changed;
    }

    /// <summary>True when every constant of this template is the same in <paramref name="other"/>.</summary>
    public bool Covers(string[] other)
    {
        for (var i = 0; i < Tokens.Length; i++)
        {
            if (!IsWildcard(Tokens[i]) && !string.Equals(Tokens[i], other[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsWildcard(string token) => ReferenceEquals(token, LogMasker.Wildcard) || token == LogMasker.Wildcard;
}
