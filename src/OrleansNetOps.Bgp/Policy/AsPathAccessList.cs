using System.Collections.Immutable;
using OrleansNetOps.Bgp.Attributes;

namespace OrleansNetOps.Bgp.Policy;

/// <summary>A <c>bgp as-path access-list</c>: the first entry whose regex matches decides; none matching denies.</summary>
public sealed record AsPathAccessList
{
    /// <summary>Creates a list; entries are kept sorted by sequence.</summary>
    public AsPathAccessList(string name, IEnumerable<AsPathAccessListEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Name = name;
        Entries = [.. entries.OrderBy(e => e.Sequence)];
    }

    /// <summary>The list's name.</summary>
    public string Name { get; }

    /// <summary>Entries by ascending sequence.</summary>
    public ImmutableArray<AsPathAccessListEntry> Entries { get; }

    /// <summary>The list's verdict for <paramref name="path"/>.</summary>
    public AccessAction Evaluate(AsPath? path)
    {
        foreach (var entry in Entries)
        {
            if (AsPathRegex.IsMatch(entry.Pattern, path))
            {
                return entry.Action;
            }
        }

        return AccessAction.Deny;
    }
}
