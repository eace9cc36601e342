using System.Collections.Immutable;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Policy;

/// <summary>
/// An <c>ip prefix-list</c> or <c>ipv6 prefix-list</c>: first matching entry by sequence decides. A long list looks
/// its exact-prefix entries up by prefix (built on first use, safe to share between threads), so its cost per
/// prefix does not grow with the number of such entries.
/// </summary>
public sealed record PrefixList
{
    private const int IndexMinimum = 16;

    private ExactIndex? _index;

    /// <summary>Creates a list; entries are kept sorted by sequence.</summary>
    public PrefixList(string name, bool isIPv6, IEnumerable<PrefixListEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Name = name;
        IsIPv6 = isIPv6;
        Entries = [.. entries.OrderBy(e => e.Sequence)];
    }

    /// <summary>The list's name.</summary>
    public string Name { get; }

    /// <summary>True for an <c>ipv6 prefix-list</c>.</summary>
    public bool IsIPv6 { get; }

    /// <summary>Entries by ascending sequence.</summary>
    public ImmutableArray<PrefixListEntry> Entries { get; }

    /// <summary>
    /// The list's verdict for <paramref name="prefix"/>: the first matching entry, else an implicit deny.
    /// A defined list with no entries permits everything, as FRR's <c>prefix_list_apply</c> does.
    /// </summary>
    public AccessAction Evaluate(IpPrefix prefix)
    {
        if (Entries.IsEmpty)
        {
            return AccessAction.Permit;
        }

        if (prefix.IsIPv6 != IsIPv6)
        {
            return AccessAction.Deny;
        }

        if (Entries.Length >= IndexMinimum)
        {
            var index = Volatile.Read(ref _index);
            if (index is null)
            {
                index = new ExactIndex(Entries);
                Volatile.Write(ref _index, index);
            }

            return index.Evaluate(Entries, prefix);
        }

        foreach (var entry in Entries)
        {
            if (entry.Matches(prefix))
            {
                return entry.Action;
            }
        }

        return AccessAction.Deny;
    }

    /// <summary>True when the list permits <paramref name="prefix"/>.</summary>
    public bool Permits(IpPrefix prefix) => Evaluate(prefix) == AccessAction.Permit;

    /// <summary>The list with the next free sequence (FRR numbers in fives).</summary>
    public int NextSequence => Entries.IsEmpty ? 5 : ((Entries[^1].Sequence / 5) + 1) * 5;

    /// <summary>Equal when named alike, of the same family, over the same entries array (the lookup is not part of the value).</summary>
    public bool Equals(PrefixList? other) =>
        other is not null && Name == other.Name && IsIPv6 == other.IsIPv6 && EqualityComparer<ImmutableArray<PrefixListEntry>>.Default.Equals(Entries, other.Entries);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, IsIPv6, Entries);

    /// <summary>Per exact prefix its first entry; the entries with ge/le in order, which may still come first.</summary>
    private sealed class ExactIndex
    {
        private readonly Dictionary<IpPrefix, int> _first = [];
        private readonly int[] _ranges;

        public ExactIndex(ImmutableArray<PrefixListEntry> entries)
        {
            var ranges = new List<int>();
            for (var i = 0; i < entries.Length; i++)
            {
                if (entries[i].GreaterEqual is null && entries[i].LessEqual is null)
                {
                    _first.TryAdd(entries[i].Prefix, i);
                }
                else
                {
                    ranges.Add(i);
                }
            }

            _ranges = [.. ranges];
        }

        public AccessAction Evaluate(ImmutableArray<PrefixListEntry> entries, IpPrefix prefix)
        {
            var exact = _first.TryGetValue(prefix, out var at) ? at : int.MaxValue;
            foreach (var i in _ranges)
            {
                if (i > exact)
                {
                    break;
                }

                if (entries[i].Matches(prefix))
                {
                    return entries[i].Action;
                }
            }

            return exact == int.MaxValue ? AccessAction.Deny : entries[exact].Action;
        }
    }
}
