using System.Collections.Immutable;
using System.Globalization;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Analytics.Bgp;

/// <summary>
/// Watches, per prefix, which origin ASes announce it: every vantage point's current origin and the origins seen over
/// time. Raises <see cref="FindingKind.OriginHijack"/> when a prefix already known gets an origin never seen for it,
/// and <see cref="FindingKind.MultipleOrigins"/> (MOAS) when vantage points hold more than one origin at once. Both
/// score lower when the origins are related — one sits on the other's path, as a customer announcing its provider's
/// space does — because that is usually legitimate.
/// </summary>
public sealed class OriginMonitor
{
    private readonly OriginMonitorOptions _options;
    private readonly Dictionary<IpPrefix, PrefixState> _prefixes = [];
    private readonly Dictionary<string, int> _vantageIds = new(StringComparer.Ordinal);
    private readonly List<string> _vantages = [];
    private readonly FlatPathCache _paths = new();

    /// <summary>Creates an empty monitor.</summary>
    public OriginMonitor(OriginMonitorOptions? options = null)
    {
        _options = (options ?? OriginMonitorOptions.Default).Validate();
    }

    /// <summary>Prefixes tracked.</summary>
    public int TrackedPrefixes => _prefixes.Count;

    /// <summary>Announcements ignored because <see cref="OriginMonitorOptions.MaxPrefixes"/> was reached.</summary>
    public long Untracked { get; private set; }

    /// <summary>Restores a monitor from a snapshot.</summary>
    /// <exception cref="FormatException">A prefix in the snapshot does not parse; the message names it.</exception>
    public static OriginMonitor Restore(OriginMonitorSnapshot snapshot, OriginMonitorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var monitor = new OriginMonitor(options) { Untracked = snapshot.Untracked };
        foreach (var entry in snapshot.Prefixes)
        {
            if (!IpPrefix.TryParse(entry.Prefix, out var prefix))
            {
                throw new FormatException($"origin monitor snapshot: '{entry.Prefix}' is not a prefix");
            }

            var state = new PrefixState
            {
                Seen = [.. entry.Seen.Select(s => new Sighting(s.Origin, s.FirstSeen.UtcTicks, s.LastSeen.UtcTicks))],
                Current = [.. entry.Current.Select(c => new Holding(monitor.VantageId(c.Vantage), c.Origin, [.. c.Path]))],
                OpenMoas = entry.OpenMultipleOrigins.IsDefaultOrEmpty ? null : [.. entry.OpenMultipleOrigins],
            };
            monitor._prefixes[prefix] = state;
        }

        return monitor;
    }

    /// <summary>The whole state as plain data.</summary>
    public OriginMonitorSnapshot Snapshot() =>
        new([.. _prefixes.OrderBy(p => p.Key).Select(p => Describe(p.Key, p.Value))], Untracked);

    /// <summary>What is known about one prefix; null when it is not tracked.</summary>
    public PrefixOrigins? Of(IpPrefix prefix) => _prefixes.TryGetValue(prefix, out var state) ? Describe(prefix, state) : null;

    /// <summary>Applies one announcement or withdrawal; the findings it raised (usually none).</summary>
    public ImmutableArray<Finding> Observe(RouteUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (!_prefixes.TryGetValue(update.Prefix, out var state))
        {
            if (update.IsWithdrawal)
            {
                return [];
            }

            if (_prefixes.Count >= _options.MaxPrefixes)
            {
                Untracked++;
                return [];
            }

            state = new PrefixState();
            _prefixes[update.Prefix] = state;
        }

        var vantage = VantageId(update.Vantage);
        if (update.IsWithdrawal || update.Path!.OriginAsn is not { } origin)
        {
            // A trailing AS_SET names no single origin: the vantage point's route no longer counts for any.
            state.Remove(vantage);
            state.CloseMoasIfSingle();
            return [];
        }

        var path = _paths.Flatten(update.Path);
        var at = update.At.UtcTicks;
        ImmutableArray<Finding>.Builder? findings = null;
        var index = state.SightingOf(origin);
        if (index < 0)
        {
            if (state.Seen.Length > 0 && at - state.FirstSeen >= _options.MinimumKnownAge.Ticks)
            {
                (findings ??= ImmutableArray.CreateBuilder<Finding>()).Add(NewOrigin(update, state, origin, path));
            }

            state.AddSighting(new Sighting(origin, at, at), _options.MaxOriginsPerPrefix);
        }
        else
        {
            state.Seen[index] = state.Seen[index] with { Last = Math.Max(at, state.Seen[index].Last) };
        }

        state.Hold(new Holding(vantage, origin, path));
        if (state.NewMoas() is { } origins)
        {
            (findings ??= ImmutableArray.CreateBuilder<Finding>()).Add(Moas(update, state, origins));
        }

        return findings?.ToImmutable() ?? [];
    }

    /// <summary>
    /// A vantage point's session went down: the routes it held no longer count for any origin (what it saw over time
    /// stays). Walks every tracked prefix, so it is for session ends, not for routine updates.
    /// </summary>
    /// <returns>How many prefixes the vantage point held.</returns>
    public int ForgetVantage(string vantage)
    {
        ArgumentNullException.ThrowIfNull(vantage);
        if (!_vantageIds.TryGetValue(vantage, out var id))
        {
            return 0;
        }

        var held = 0;
        foreach (var state in _prefixes.Values)
        {
            if (state.Remove(id))
            {
                held++;
                state.CloseMoasIfSingle();
            }
        }

        return held;
    }

    private Finding NewOrigin(RouteUpdate update, PrefixState state, uint origin, uint[] path)
    {
        var known = state.Seen.Select(s => s.Origin).ToArray();
        // Related: a known origin is upstream of the new one, or the new one is upstream on a current route.
        var related = known.Any(path.Contains) || state.Current.Any(c => c.Path.Contains(origin));
        var knownText = string.Join(',', known.Select(a => "AS" + a.ToString(CultureInfo.InvariantCulture)));
        var pathText = DetectorFindings.Path(path);
        return DetectorFindings.ForUpdate(
            FindingKind.OriginHijack,
            update,
            related ? 0.3 : 0.8,
            $"{update.Prefix} has a new origin AS{origin} (known: {knownText}){(related ? ", an AS related to a known origin" : string.Empty)}",
            $"{update.Prefix} announced by AS{origin} (path {pathText}, seen on {update.Vantage}); known origins {knownText}",
            ("origin", origin.ToString(CultureInfo.InvariantCulture)),
            ("knownOrigins", string.Join(',', known)),
            ("path", pathText),
            ("related", related ? "true" : "false"));
    }

    private Finding Moas(RouteUpdate update, PrefixState state, uint[] origins)
    {
        var related = state.Current.Any(c => origins.Any(o => o != c.Origin && c.Path.Contains(o)));
        var routes = state.Current
            .GroupBy(c => c.Origin)
            .Select(g => $"AS{g.Key}: {DetectorFindings.Path(g.First().Path)} on {_vantages[g.First().Vantage]}{(g.Count() > 1 ? $" and {g.Count() - 1} more" : string.Empty)}");
        var originText = string.Join(',', origins.Select(a => "AS" + a.ToString(CultureInfo.InvariantCulture)));
        return DetectorFindings.ForUpdate(
            FindingKind.MultipleOrigins,
            update,
            related ? 0.3 : 0.7,
            $"{update.Prefix} is originated by {originText} at once",
            $"{update.Prefix} originated at once by {originText}: {string.Join("; ", routes)}",
            ("origins", string.Join(',', origins)),
            ("vantages", state.Current.Length.ToString(CultureInfo.InvariantCulture)),
            ("related", related ? "true" : "false"));
    }

    private PrefixOrigins Describe(IpPrefix prefix, PrefixState state) =>
        new(
            prefix.ToString(),
            [.. state.Seen.Select(s => new OriginSighting(s.Origin, Time(s.First), Time(s.Last)))],
            [.. state.Current.Select(c => new VantageOrigin(_vantages[c.Vantage], c.Origin, [.. c.Path]))],
            state.OpenMoas is { } moas ? [.. moas] : []);

    private int VantageId(string vantage)
    {
        if (!_vantageIds.TryGetValue(vantage, out var id))
        {
            id = _vantages.Count;
            _vantageIds[vantage] = id;
            _vantages.Add(vantage);
        }

        return id;
    }

    private static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);

    private readonly record struct Sighting(uint Origin, long First, long Last);

    private readonly record struct Holding(int Vantage, uint Origin, uint[] Path);

    // Arrays, not lists: a full table holds a million of these, nearly all with one vantage point and one origin.
    private sealed class PrefixState
    {
        public Sighting[] Seen { get; set; } = [];

        public Holding[] Current { get; set; } = [];

        public uint[]? OpenMoas { get; set; }

        public long FirstSeen
        {
            get
            {
                var first = long.MaxValue;
                foreach (var sighting in Seen)
                {
                    first = Math.Min(first, sighting.First);
                }

                return first;
            }
        }

        public int SightingOf(uint origin)
        {
            for (var i = 0; i < Seen.Length; i++)
            {
                if (Seen[i].Origin == origin)
                {
                    return i;
                }
            }

            return -1;
        }

        public void AddSighting(Sighting sighting, int capacity)
        {
            if (Seen.Length < capacity)
            {
                Seen = [.. Seen, sighting];
                return;
            }

            var stalest = 0;
            for (var i = 1; i < Seen.Length; i++)
            {
                if (Seen[i].Last < Seen[stalest].Last)
                {
                    stalest = i;
                }
            }

            Seen[stalest] = sighting;
        }

        public void Hold(Holding holding)
        {
            for (var i = 0; i < Current.Length; i++)
            {
                if (Current[i].Vantage == holding.Vantage)
                {
                    Current[i] = holding;
                    return;
                }
            }

            Current = [.. Current, holding];
        }

        public bool Remove(int vantage)
        {
            for (var i = 0; i < Current.Length; i++)
            {
                if (Current[i].Vantage == vantage)
                {
                    Current = [.. Current[..i], .. Current[(i + 1)..]];
                    return true;
                }
            }

            return false;
        }

        public void CloseMoasIfSingle()
        {
            if (DistinctOrigins().Length <= 1)
            {
                OpenMoas = null;
            }
        }

        /// <summary>The origin set to report when an origin joined a multiple-origin episode; null otherwise.</summary>
        public uint[]? NewMoas()
        {
            if (Current.Length <= 1 && OpenMoas is null)
            {
                return null; // nearly every prefix: one vantage point, one origin
            }

            var origins = DistinctOrigins();
            if (origins.Length <= 1)
            {
                OpenMoas = null;
                return null;
            }

            if (OpenMoas is { } open && origins.All(o => Array.BinarySearch(open, o) >= 0))
            {
                return null;
            }

            // The episode remembers every origin it has shown, so an origin that leaves and returns is not news.
            OpenMoas = [.. origins.Union(OpenMoas ?? []).Order()];
            return origins;
        }

        private uint[] DistinctOrigins()
        {
            var single = true;
            for (var i = 1; i < Current.Length && single; i++)
            {
                single = Current[i].Origin == Current[0].Origin;
            }

            if (single)
            {
                return Current.Length == 0 ? [] : [Current[0].Origin];
            }

            return [.. Current.Select(c => c.Origin).Distinct().Order()];
        }
    }
}
