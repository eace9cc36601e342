using System.Collections.Immutable;
using OrleansNetOps.Bgp.Attributes;

namespace OrleansNetOps.Bgp.Policy;

/// <summary>A standard <c>bgp community-list</c>: the first matching entry decides; none matching denies.</summary>
public sealed record CommunityList
{
    /// <summary>Creates a list; entries are kept sorted by sequence.</summary>
    public CommunityList(string name, IEnumerable<CommunityListEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Name = name;
        Entries = [.. entries.OrderBy(e => e.Sequence)];
    }

    /// <summary>The list's name.</summary>
    public string Name { get; }

    /// <summary>Entries by ascending sequence.</summary>
    public ImmutableArray<CommunityListEntry> Entries { get; }

    /// <summary>
    /// <c>match community NAME [exact-match]</c>: true when the first entry that matches is a permit. With
    /// <paramref name="exact"/> an entry matches only a route whose communities are exactly its values.
    /// </summary>
    public bool Matches(EquatableArray<Community> communities, bool exact = false)
    {
        foreach (var entry in Entries)
        {
            var hit = entry.IsAny
                || (exact
                    ? communities.Distinct().Count() == entry.Values.Distinct().Count() && entry.Values.All(communities.Contains)
                    : entry.Values.All(communities.Contains));
            if (hit)
            {
                return entry.Action == AccessAction.Permit;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>set comm-list NAME delete</c>: true when <paramref name="value"/> is to be removed, i.e. the first
    /// entry that names it (or is <c>internet</c>) is a permit. FRR decides value by value.
    /// </summary>
    public bool Deletes(Community value)
    {
        foreach (var entry in Entries)
        {
            if (entry.IsAny || entry.Values.Contains(value))
            {
                return entry.Action == AccessAction.Permit;
            }
        }

        return false;
    }
}
