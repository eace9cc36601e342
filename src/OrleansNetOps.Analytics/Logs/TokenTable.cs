namespace OrleansNetOps.Analytics.Logs;

/// <summary>
/// Interns the tokens of a miner's lines: a token seen before is the same string instance, so mining a line allocates
/// little and equal tokens compare by reference. Bounded: past its capacity new tokens are simply not kept.
/// </summary>
internal sealed class TokenTable(int capacity)
{
    private readonly HashSet<string> tokens = new(StringComparer.Ordinal);
    private HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private bool ready;

    public string Get(ReadOnlySpan<char> token)
    {
        if (!ready)
        {
            lookup = tokens.GetAlternateLookup<ReadOnlySpan<char>>();
            ready = true;
        }

        if (lookup.TryGetValue(token, out var known))
        {
            return known;
        }

        var text = token.ToString();
        if (tokens.Count < capacity)
        {
            tokens.Add(text);
        }

        return text;
    }
}
