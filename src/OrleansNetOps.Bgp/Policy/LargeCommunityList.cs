using System.Collections.Immutable;
using OrleansNetOps.Bgp.Attributes;

namespace OrleansNetOps.Bgp.Policy;

/// <summary>A standard <c>bgp large-community-list</c>, with the semantics of <see cref="CommunityList"/>.</summary>
public sealed record LargeCommunityList
{
    /// <summary>Creates a list; entries are kept sorted by sequence.</summary>
    public LargeCommunityList(string name, IEnumerable<LargeCommunityListEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Name = name;
        Entries = [.. entries.OrderBy(e => e.Sequence)];
    }

    /// <summary>The list's name.</summary>
    public string Name { get; }

    /// <summary>Entries by ascending sequence.</summary>
    public ImmutableArray<LargeCommunityListEntry> Entries { get; }

    /// <summary><c>match large-community NAME [exact-match]</c>.</summary>
    public bool Matches(EquatableArray<LargeCommunity> communities, bool exact = false)
    {
        foreach (var entry in Entries)
        {
            var hit = exact
                ? communities.Distinct().Count() == entry.Values.Distinct().Count() && entry.Values.All(communities.Contains)
                : entry.Values.All(communities.Contains);
            if (hit)
            {
                return entry.Action == AccessAction.Permit;
            }
        }

        return false;
    }

    /// <summary><c>set large-comm-list NAME delete</c>: true when the first entry naming <paramref name="value"/> is a permit.</summary>
    public bool Deletes(LargeCommunity value)
    {
        foreach (var entry in Entries)
        {
            if (entry.Values.Contains(value))
            {
                return entry.Action == AccessAction.Permit;
            }
        }

        return false;
    }
}
