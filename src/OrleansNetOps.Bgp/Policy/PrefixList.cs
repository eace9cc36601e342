using System.Collections.Immutable;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Policy;

/// <summary>An <c>ip prefix-list</c> or <c>ipv6 prefix-list</c>: first matching entry by sequence decides.</summary>
public sealed record PrefixList
{
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
}
