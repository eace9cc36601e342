namespace OrleansNetOps.Assistant.Intents;

/// <summary>A tokenised sentence with what the grammar asks of it: concepts present, entities, values.</summary>
internal sealed class Sentence
{
    private readonly HashSet<string> _lemmas;

    public Sentence(IReadOnlyList<IntentToken> tokens)
    {
        Tokens = tokens;
        _lemmas = tokens.Where(t => t.Kind == TokenKind.Word).Select(t => t.Lemma).ToHashSet(StringComparer.Ordinal);
        Routers = Distinct(tokens.Where(t => t.Entity is { IsRouter: true } && t.Kind == TokenKind.Entity).Select(t => t.Entity!.Id));
        Isps = Distinct(tokens.Where(t => t.Entity is { IsRouter: false } && t.Kind == TokenKind.Entity).Select(t => t.Entity!.Id));
        SessionAddresses = tokens.Where(t => t.Kind == TokenKind.Address && t.Entity is not null)
            .Select(t => (t.Entity!.Id, t.Entity.ImpliedRouter, t.Text)).ToList();
        PlainAddresses = tokens.Where(t => t.Kind == TokenKind.Address && t.Entity is null).Select(t => t.Text).ToList();
        Prefixes = Distinct(tokens.Where(t => t.Kind == TokenKind.Prefix).Select(t => t.Text));
        Communities = Distinct(tokens.Where(t => t.Kind == TokenKind.Community).Select(t => t.Text));
        PlainNumbers = tokens.Where(t => t.Kind == TokenKind.Number && !t.IsTimes && !t.IsAsn).Select(t => t.Value).ToList();
        Asns = tokens.Where(t => t.Kind == TokenKind.Number && t.IsAsn).Select(t => t.Value).ToList();
        Times = tokens.Where(t => t.Kind == TokenKind.Number && t.IsTimes).Select(t => (long?)t.Value).FirstOrDefault();

        // The ISP after "to/via/onto" is where traffic should go.
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Is("TO") || tokens[i].Is("TOWARD") || tokens[i].Is("PREFER"))
            {
                var next = tokens.Skip(i + 1).FirstOrDefault(t => t.Kind == TokenKind.Entity || (t.Kind == TokenKind.Word && t.Lemma is "SESSION" or "ISP"));
                if (next?.Entity is { IsRouter: false } isp)
                {
                    IspAfterTo = isp.Id;
                    break;
                }
            }
        }
    }

    public IReadOnlyList<IntentToken> Tokens { get; }

    public IReadOnlyList<string> Routers { get; }

    public IReadOnlyList<string> Isps { get; }

    /// <summary>Addresses of session ends: the node they name and the router at the other end when that node is an ISP.</summary>
    public IReadOnlyList<(string Id, string? ImpliedRouter, string Text)> SessionAddresses { get; }

    /// <summary>Addresses that name no node (a next hop).</summary>
    public IReadOnlyList<string> PlainAddresses { get; }

    public IReadOnlyList<string> Prefixes { get; }

    public IReadOnlyList<string> Communities { get; }

    public IReadOnlyList<long> PlainNumbers { get; }

    public IReadOnlyList<long> Asns { get; }

    public long? Times { get; }

    public string? IspAfterTo { get; }

    /// <summary>An explicit direction: "outbound", "toward ISP-A", "announce" → out; "inbound", "from", "accept" → in.</summary>
    public string? Direction =>
        Has("OUT") || Has("TOWARD") || Has("ANNOUNCE") ? "out"
        : Has("IN") || Has("ACCEPT") || Has("FROM") ? "in"
        : null;

    public bool Has(string lemma) => _lemmas.Contains(lemma);

    private static List<string> Distinct(IEnumerable<string> values) => values.Distinct(StringComparer.Ordinal).ToList();
}
