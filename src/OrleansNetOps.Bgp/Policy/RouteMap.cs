using System.Collections.Immutable;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Policy;

/// <summary>
/// A route-map with FRR's semantics: entries by ascending sequence; the first whose match clauses all hold
/// decides — deny ends with a deny, permit applies its sets and then exits, or continues
/// (<c>on-match next</c>/<c>goto</c>). A route that no entry matched is denied (implicit deny); one that
/// matched a permit and then ran off the end is permitted.
/// <para>
/// Long runs of entries that match only an exact-prefix prefix-list (what per-prefix edits produce) are looked up
/// by prefix instead of walked, so a route's cost does not grow with the number of such entries. The lookup is
/// built on first use for the prefix-lists of the policy it runs in and is safe to share between threads.
/// </para>
/// </summary>
public sealed record RouteMap
{
    private const int MinimumRun = 8;

    private PrefixRuns? _runs;

    /// <summary>Creates a route-map; entries are kept sorted by sequence.</summary>
    public RouteMap(string name, IEnumerable<RouteMapEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Name = name;
        Entries = [.. entries.OrderBy(e => e.Sequence)];
    }

    /// <summary>The route-map's name.</summary>
    public string Name { get; }

    /// <summary>Entries by ascending sequence.</summary>
    public ImmutableArray<RouteMapEntry> Entries { get; }

    /// <summary>Equal when named alike over the same entries array (the lookup cache is not part of the value).</summary>
    public bool Equals(RouteMap? other) =>
        other is not null && Name == other.Name && EqualityComparer<ImmutableArray<RouteMapEntry>>.Default.Equals(Entries, other.Entries);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Entries);

    /// <summary>Runs the route-map over <paramref name="route"/>, resolving named lists in <paramref name="policy"/>.</summary>
    public PolicyResult Apply(PolicyRoute route, RoutingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(policy);
        var runs = Entries.Length >= MinimumRun ? RunsFor(policy) : null;
        var current = route;
        int? lastPermit = null;
        var index = 0;
        while (index < Entries.Length)
        {
            var entry = Entries[index];
            if (runs is not null && runs.EndOf(index) is var end and >= 0)
            {
                // Inside a run only an entry whose list permits the prefix can match: go straight to the first one.
                var next = runs.FirstMatch(route.Prefix, index, end);
                if (next < 0)
                {
                    index = end;
                    continue;
                }

                index = next;
                entry = Entries[index];
            }
            else if (!entry.Matches.All(match => match.Matches(current, policy)))
            {
                index++;
                continue;
            }

            if (entry.Action == AccessAction.Deny)
            {
                return new PolicyResult(false, route, entry.Sequence);
            }

            foreach (var set in entry.Sets)
            {
                current = set.Apply(current, policy);
            }

            lastPermit = entry.Sequence;
            switch (entry.OnMatch)
            {
                case OnMatch.Next:
                    index++;
                    break;
                case OnMatch.Goto:
                    // Only forward jumps exist (FRR rejects goto to an earlier sequence), so this terminates.
                    var target = entry.GotoSequence is { } requested && requested > entry.Sequence ? requested : entry.Sequence + 1;
                    index = FirstAtOrAfter(target, index + 1);
                    break;
                default:
                    return new PolicyResult(true, current, entry.Sequence);
            }
        }

        return lastPermit is null ? new PolicyResult(false, route, null) : new PolicyResult(true, current, lastPermit);
    }

    // Entries are sorted by sequence: binary search from the next entry for the goto target.
    private int FirstAtOrAfter(int sequence, int from)
    {
        int low = from, high = Entries.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (Entries[middle].Sequence < sequence)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private PrefixRuns RunsFor(RoutingPolicy policy)
    {
        var runs = Volatile.Read(ref _runs);
        if (runs is not null && ReferenceEquals(runs.IPv4Lists, policy.PrefixLists) && ReferenceEquals(runs.IPv6Lists, policy.IPv6PrefixLists))
        {
            return runs;
        }

        // Racing builders build equal lookups; whichever is stored last is as good as the other.
        runs = new PrefixRuns(Entries, policy);
        Volatile.Write(ref _runs, runs);
        return runs;
    }

    /// <summary>
    /// Runs of at least <see cref="MinimumRun"/> consecutive entries whose only match is a prefix-list of exact
    /// prefixes (no ge/le), with, per prefix, the entries of those runs whose list permits it.
    /// </summary>
    private sealed class PrefixRuns
    {
        private readonly int[] _end;
        private readonly Dictionary<IpPrefix, List<int>> _permitted = [];

        public PrefixRuns(ImmutableArray<RouteMapEntry> entries, RoutingPolicy policy)
        {
            IPv4Lists = policy.PrefixLists;
            IPv6Lists = policy.IPv6PrefixLists;
            _end = new int[entries.Length];
            Array.Fill(_end, -1);
            var lists = new PrefixList?[entries.Length];
            for (var i = 0; i < entries.Length; i++)
            {
                lists[i] = entries[i].Matches is [MatchPrefixList match] && policy.FindPrefixList(match.ListName, match.IsIPv6) is { } list
                    && !list.Entries.IsEmpty && list.Entries.All(e => e.GreaterEqual is null && e.LessEqual is null)
                    ? list
                    : null;
            }

            var verdicts = new Dictionary<PrefixList, List<IpPrefix>>(ReferenceEqualityComparer.Instance);
            for (var start = 0; start < entries.Length;)
            {
                var end = start;
                while (end < entries.Length && lists[end] is not null)
                {
                    end++;
                }

                if (end - start >= MinimumRun)
                {
                    for (var i = start; i < end; i++)
                    {
                        _end[i] = end;
                        if (!verdicts.TryGetValue(lists[i]!, out var permits))
                        {
                            permits = Permitted(lists[i]!);
                            verdicts[lists[i]!] = permits;
                        }

                        foreach (var prefix in permits)
                        {
                            if (!_permitted.TryGetValue(prefix, out var at))
                            {
                                at = [];
                                _permitted[prefix] = at;
                            }

                            at.Add(i);
                        }
                    }
                }

                start = Math.Max(end, start + 1);
            }
        }

        public ImmutableSortedDictionary<string, PrefixList> IPv4Lists { get; }

        public ImmutableSortedDictionary<string, PrefixList> IPv6Lists { get; }

        /// <summary>The end (exclusive) of the run holding entry <paramref name="index"/>, or -1.</summary>
        public int EndOf(int index) => _end[index];

        /// <summary>The first entry in [<paramref name="from"/>, <paramref name="end"/>) whose list permits the prefix, or -1.</summary>
        public int FirstMatch(IpPrefix prefix, int from, int end)
        {
            if (!_permitted.TryGetValue(prefix, out var at))
            {
                return -1;
            }

            var k = at.BinarySearch(from);
            k = k < 0 ? ~k : k;
            return k < at.Count && at[k] < end ? at[k] : -1;
        }

        // An exact-prefix list permits a prefix when the first entry for it is a permit; its family is the list's.
        private static List<IpPrefix> Permitted(PrefixList list)
        {
            var decided = new HashSet<IpPrefix>();
            var permitted = new List<IpPrefix>();
            foreach (var entry in list.Entries)
            {
                if (entry.Prefix.IsIPv6 == list.IsIPv6 && decided.Add(entry.Prefix) && entry.Action == AccessAction.Permit)
                {
                    permitted.Add(entry.Prefix);
                }
            }

            return permitted;
        }
    }
}
