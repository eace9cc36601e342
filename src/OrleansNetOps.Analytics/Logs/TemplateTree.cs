namespace OrleansNetOps.Analytics.Logs;

/// <summary>
/// Drain's fixed-depth parse tree: the first level is the token count, the next <c>leadingTokens</c> levels are the
/// leading tokens (a token with digits or a masked part, or once a node is full, goes to the wildcard child), and each leaf holds the
/// templates to compare a line with. Only templates of the same length and the same leading words are ever compared.
/// </summary>
internal sealed class TemplateTree(int leadingTokens, int maxChildren)
{
    private readonly Dictionary<int, Node> byLength = [];

    /// <summary>The templates a line could join, in creation order; null when there are none.</summary>
    public List<TemplateCluster>? Leaf(List<string> line)
    {
        if (!byLength.TryGetValue(line.Count, out var node))
        {
            return null;
        }

        var depth = Math.Min(leadingTokens, line.Count);
        for (var i = 0; i < depth; i++)
        {
            if (!node.Children.TryGetValue(Key(line[i]), out var child) && !node.Children.TryGetValue(LogMasker.Wildcard, out child))
            {
                return null;
            }

            node = child;
        }

        return node.Templates;
    }

    /// <summary>The keys a new template made from <paramref name="line"/> is filed under.</summary>
    public string[] PathFor(List<string> line)
    {
        var depth = Math.Min(leadingTokens, line.Count);
        var path = new string[depth];
        byLength.TryGetValue(line.Count, out var node);
        for (var i = 0; i < depth; i++)
        {
            var key = Key(line[i]);
            if (node is not null && !node.Children.ContainsKey(key) && node.Children.Count >= maxChildren)
            {
                key = LogMasker.Wildcard;
            }

            path[i] = key;
            node = node?.Children.GetValueOrDefault(key);
        }

        return path;
    }

    /// <summary>Files a template under its path, after the templates already there.</summary>
    public void Add(TemplateCluster template)
    {
        if (!byLength.TryGetValue(template.Tokens.Length, out var node))
        {
            node = new Node();
            byLength.Add(template.Tokens.Length, node);
        }

        foreach (var key in template.Path)
        {
            if (!node.Children.TryGetValue(key, out var child))
            {
                child = new Node();
                node.Children.Add(key, child);
            }

            node = child;
        }

        node.Templates.Add(template);
    }

    /// <summary>Removes a template and prunes the nodes left empty, so a forgotten template frees its branch.</summary>
    public void Remove(TemplateCluster template)
    {
        var length = template.Tokens.Length;
        var trail = new Node[template.Path.Length + 1];
        trail[0] = byLength[length];
        for (var i = 0; i < template.Path.Length; i++)
        {
            trail[i + 1] = trail[i].Children[template.Path[i]];
        }

        trail[^1].Templates.Remove(template);
        for (var i = template.Path.Length; i > 0 && trail[i].IsEmpty; i--)
        {
            trail[i - 1].Children.Remove(template.Path[i - 1]);
        }

        if (trail[0].IsEmpty)
        {
            byLength.Remove(length);
        }
    }

    /// <summary>A token that is or holds a variable (or has digits) routes to the wildcard child, as in Drain.</summary>
    private static string Key(string token) =>
        token.Contains(LogMasker.Wildcard, StringComparison.Ordinal) || token.AsSpan().ContainsAnyInRange('0', '9') ? LogMasker.Wildcard : token;

    private sealed class Node
    {
        public Dictionary<string, Node> Children { get; } = new(StringComparer.Ordinal);

        public List<TemplateCluster> Templates { get; } = [];

        public bool IsEmpty => Children.Count == 0 && Templates.Count == 0;
    }
}
