namespace OrleansNetOps.Twin.Engine;

/// <summary>A set of (node, prefix id) pairs as one growable bitmap per node: constant time and no per-pair allocation.</summary>
internal sealed class PairSet(int nodes)
{
    private readonly ulong[]?[] _bits = new ulong[]?[nodes];

    /// <summary>Adds the pair; false when it was already there.</summary>
    public bool Add(int node, int id)
    {
        var words = _bits[node];
        var word = id >> 6;
        if (words is null || word >= words.Length)
        {
            var grown = new ulong[Math.Max(word + 1, Math.Max(16, (words?.Length ?? 0) * 2))];
            words?.CopyTo(grown, 0);
            _bits[node] = words = grown;
        }

        var mask = 1UL << (id & 63);
        if ((words[word] & mask) != 0)
        {
            return false;
        }

        words[word] |= mask;
        return true;
    }

    public void Remove(int node, int id)
    {
        var words = _bits[node];
        var word = id >> 6;
        if (words is not null && word < words.Length)
        {
            words[word] &= ~(1UL << (id & 63));
        }
    }
}
