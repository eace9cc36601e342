using System.Net;
using System.Net.Sockets;
using OrleansNetOps.Bgp;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Decision;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Topology;
using OrleansNetOps.Twin.Model;

namespace OrleansNetOps.Twin.Engine;

/// <summary>
/// The converged BGP state of every speaker of a <see cref="TwinModel"/>: per node and prefix the paths accepted
/// from each session (Adj-RIB-In after receive checks and import policy) and the best path; Adj-RIB-Out is derived
/// on demand from the best path, the advertisement rules and export policy. A <see cref="Fork"/> is copy-on-write:
/// it records only what changes and never writes its base. Propagation is a FIFO work-list of (node, prefix) pairs,
/// run until nothing changes, so results are deterministic.
/// </summary>
public sealed class TwinState
{
    private readonly PrefixIndex _prefixes;
    private readonly RibTable[] _ribs;
    private readonly RoutingPolicy[] _policies;
    private readonly bool[] _linkUp;
    private readonly Dictionary<(int Node, int Slot), OverlayTable<AdvertisedRoute>> _feeds;
    private readonly Dictionary<int, SortedSet<int>> _originated;
    private readonly Queue<(int Node, int Prefix, int Depth)> _queue = new();
    private readonly PairSet _queued;
    private readonly AcceptCache?[][] _acceptCache;
    private readonly Dictionary<CandidatePath?[], int>?[] _decisions;
    private readonly Dictionary<(int Node, bool IPv6, uint? Med, AsPath Path), CandidatePath> _originatedPaths = [];
    private PairSet _changedSet;
    private List<(int Node, int Prefix, int Depth)> _changed = [];
    private long _evaluations;
    private readonly CandidatePath?[][] _scratch;

    // Whole-session refreshes deferred to Propagate, where a prefix-blind network handles them by class.
    private readonly List<(int Node, int Slot)> _pending = [];

    // Changes only record which sessions must be looked at again (all prefixes: null, else the listed ones); Propagate
    // refreshes each once, against the final policies and link states, so a request of many changes costs the sum of
    // its changes rather than every change re-reading what the earlier ones touched.
    private readonly Dictionary<(int Node, int Slot), HashSet<IpPrefix>?> _dirty = [];
    private readonly List<(int Node, int Slot)> _dirtyOrder = [];
    private bool _reevaluateAll;
    private bool _inputsChanged;
    private bool _sealed;
    private CancellationToken _cancellation;

    private TwinState(TwinModel model, PrefixIndex prefixes, RibTable[] ribs, RoutingPolicy[] policies, bool[] linkUp,
        Dictionary<(int, int), OverlayTable<AdvertisedRoute>> feeds, bool isFork, Dictionary<int, SortedSet<int>>? originated = null)
    {
        _originated = originated ?? model.Nodes.Where(n => n.IsOurs).ToDictionary(n => n.Index, _ => new SortedSet<int>());
        Model = model;
        _prefixes = prefixes;
        _ribs = ribs;
        _policies = policies;
        _linkUp = linkUp;
        _feeds = feeds;
        IsFork = isFork;
        _queued = new PairSet(model.Nodes.Count);
        _changedSet = new PairSet(model.Nodes.Count);
        _acceptCache = model.Nodes.Select(n => new AcceptCache?[n.Sessions.Count + 1]).ToArray();
        _decisions = new Dictionary<CandidatePath?[], int>?[model.Nodes.Count];
        _scratch = model.Nodes.Select(n => new CandidatePath?[n.Sessions.Count + 1]).ToArray();
    }

    /// <summary>The session graph.</summary>
    public TwinModel Model { get; }

    /// <summary>True for a what-if copy.</summary>
    public bool IsFork { get; }

    /// <summary>How many (node, prefix) entries this fork holds of its own (0 for a base): the cost of the fork.</summary>
    public int OverlayEntries => _ribs.Sum(r => r.OverlayCount);

    /// <summary>Every prefix the twin has seen (some may have no path anywhere any more).</summary>
    public IEnumerable<IpPrefix> Prefixes
    {
        get
        {
            for (var i = 0; i < _prefixes.Count; i++)
            {
                yield return _prefixes[i];
            }
        }
    }

    internal int PrefixCount => _prefixes.Count;

    /// <summary>Computes the converged state of <paramref name="topology"/> from scratch.</summary>
    public static TwinState Converge(NetworkTopology topology, TwinInputs? inputs = null) => Converge(TwinModel.From(topology), inputs);

    /// <summary>Computes the converged state of <paramref name="model"/> from scratch.</summary>
    public static TwinState Converge(TwinModel model, TwinInputs? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        inputs ??= TwinInputs.Default;
        var topology = model.Topology;
        var capacity = topology.Isps.Sum(i => i.Announcements.Count) + topology.Routers.Sum(r => r.Originates.Count) + 16;
        var defaults = DefaultPolicies.For(topology);
        var policies = model.Nodes.Select(n => inputs.Policies?.GetValueOrDefault(n.Id) ?? defaults[n.Id]).ToArray();
        var down = inputs.DownLinks ?? [];
        var linkUp = topology.Links.Select(l => !down.Contains(l.Name)).ToArray();
        var state = new TwinState(model, PrefixIndex.Root(capacity), model.Nodes.Select(n => RibTable.Root(n.Sessions.Count + 1, capacity)).ToArray(),
            policies, linkUp, [], isFork: false);

        foreach (var router in topology.Routers)
        {
            foreach (var prefix in router.Originates)
            {
                state.Originate(model.IndexOf(router.Id), prefix, [], null);
            }
        }

        foreach (var isp in topology.Isps)
        {
            foreach (var announcement in isp.Announcements)
            {
                state.Originate(model.IndexOf(isp.Id), announcement.Prefix, announcement.AsPath, announcement.Med);
            }
        }

        foreach (var feed in inputs.Feeds ?? [])
        {
            state.LoadFeed(feed);
        }

        state.Propagate();
        state.Seal();
        return state;
    }

    /// <summary>A copy-on-write what-if copy: shares every table with this state and writes only its own overlay.</summary>
    public TwinState Fork() => new(Model, _prefixes.Fork(), _ribs.Select(r => r.Fork()).ToArray(), (RoutingPolicy[])_policies.Clone(),
        (bool[])_linkUp.Clone(), _feeds.ToDictionary(p => p.Key, p => p.Value.Fork()), isFork: true,
        _originated.ToDictionary(p => p.Key, p => new SortedSet<int>(p.Value)));

    /// <summary>
    /// The same inputs (policies, session states, originations, feeds) converged from scratch: what a full
    /// recomputation says, to check an incremental result against.
    /// </summary>
    public TwinState Recompute()
    {
        var capacity = _prefixes.Count + 16;
        var fresh = new TwinState(Model, PrefixIndex.Root(capacity), Model.Nodes.Select(n => RibTable.Root(n.Sessions.Count + 1, capacity)).ToArray(),
            (RoutingPolicy[])_policies.Clone(), (bool[])_linkUp.Clone(), [], isFork: false);
        foreach (var ((node, slot), table) in _feeds)
        {
            var copy = OverlayTable<AdvertisedRoute>.Root(capacity);
            for (var id = 0; id < _prefixes.Count; id++)
            {
                if (table.Get(id) is { } route)
                {
                    copy.Set(fresh._prefixes.GetOrAdd(_prefixes[id]), route);
                }
            }

            fresh._feeds[(node, slot)] = copy;
        }

        for (var id = 0; id < _prefixes.Count; id++)
        {
            for (var node = 0; node < _ribs.Length; node++)
            {
                if (_ribs[node].PathAt(id, 0) is { } local)
                {
                    var freshId = fresh._prefixes.GetOrAdd(_prefixes[id]);
                    fresh.SetPath(node, freshId, 0, local, 0);
                }
            }
        }

        foreach (var ((node, slot), table) in fresh._feeds)
        {
            var session = Model.Nodes[node].Sessions[slot - 1];
            for (var id = 0; id < fresh._prefixes.Count; id++)
            {
                if (table.Get(id) is not null)
                {
                    fresh.RefreshInbound(session.PeerNode, session.ReverseSlot, id, 0);
                }
            }
        }

        fresh.Propagate();
        fresh.Seal();
        return fresh;
    }

    /// <summary>The best path of <paramref name="nodeId"/> to <paramref name="prefix"/>, or null.</summary>
    public CandidatePath? Best(string nodeId, IpPrefix prefix)
    {
        var id = _prefixes.IdOf(prefix);
        var node = Model.IndexOf(nodeId);
        return id < 0 || node < 0 ? null : _ribs[node].BestPath(id);
    }

    /// <summary>The paths <paramref name="nodeId"/> holds for <paramref name="prefix"/> (own origination first, then per session), best flagged.</summary>
    public IReadOnlyList<(CandidatePath Path, bool IsBest)> Paths(string nodeId, IpPrefix prefix)
    {
        var id = _prefixes.IdOf(prefix);
        var node = Model.IndexOf(nodeId);
        if (id < 0 || node < 0 || !_ribs[node].Exists(id))
        {
            return [];
        }

        var rib = _ribs[node];
        var best = rib.Best(id);
        var result = new List<(CandidatePath Path, bool IsBest)>();
        for (var slot = 0; slot < rib.Width; slot++)
        {
            if (rib.PathAt(id, slot) is { } path)
            {
                result.Add((path, slot == best));
            }
        }

        return result;
    }

    /// <summary>What <paramref name="nodeId"/> sends to <paramref name="peerId"/> for <paramref name="prefix"/> after export policy, or null.</summary>
    public AdvertisedRoute? AdjRibOut(string nodeId, string peerId, IpPrefix prefix)
    {
        var id = _prefixes.IdOf(prefix);
        var node = Model.IndexOf(nodeId);
        if (id < 0 || node < 0)
        {
            return null;
        }

        var slot = Model.Nodes[node].SlotOf(peerId);
        return slot < 0 ? null : Advertise(node, slot, id);
    }

    /// <summary>The routing policy a node runs.</summary>
    public RoutingPolicy PolicyOf(string nodeId) => _policies[Model.IndexOf(nodeId)];

    /// <summary>Whether the session on link <paramref name="linkIndex"/> (topology order) is up.</summary>
    public bool IsLinkUp(int linkIndex) => _linkUp[linkIndex];

    internal IpPrefix PrefixAt(int id) => _prefixes[id];

    internal int PrefixId(IpPrefix prefix) => _prefixes.IdOf(prefix);

    internal CandidatePath? BestAt(int node, int prefixId) => _ribs[node].BestPath(prefixId);

    internal CandidatePath? LocalAt(int node, int prefixId) => _ribs[node].PathAt(prefixId, 0);

    internal RoutingPolicy PolicyAt(int node) => _policies[node];

    internal bool HasFeed(int node, int slot) => _feeds.ContainsKey((node, slot));

    /// <summary>The prefix ids one of our routers originates (empty for ISPs).</summary>
    internal IEnumerable<int> OriginatedBy(int node) => _originated.TryGetValue(node, out var set) ? set : [];

    // ---- changes (a fork applies them, then propagates) ----

    internal void SetLinkState(int linkIndex, bool up)
    {
        ThrowIfSealed();
        if (_linkUp[linkIndex] == up)
        {
            return;
        }

        _linkUp[linkIndex] = up;
        _inputsChanged = true;
        var link = Model.Topology.Links[linkIndex];
        foreach (var end in new[] { link.A, link.B })
        {
            var node = Model.Nodes[Model.IndexOf(end)];
            for (var i = 0; i < node.Sessions.Count; i++)
            {
                if (node.Sessions[i].LinkIndex == linkIndex)
                {
                    MarkDirty(node.Index, i + 1, null);
                }
            }
        }
    }

    /// <summary>Replaces a node's policy and marks the sessions whose filters changed for re-evaluation.</summary>
    internal void SetPolicy(int node, RoutingPolicy policy, IReadOnlyCollection<IpPrefix>? onlyPrefixes)
    {
        ThrowIfSealed();
        var old = _policies[node];
        _policies[node] = policy;
        _inputsChanged = true;
        var listsChanged = !SameLists(old, policy);
        var sessions = Model.Nodes[node].Sessions;
        for (var i = 0; i < sessions.Count; i++)
        {
            var session = sessions[i];
            foreach (var direction in new[] { PolicyDirection.In, PolicyDirection.Out })
            {
                if (!FilterChanged(old, policy, session.PeerId, direction, listsChanged))
                {
                    continue;
                }

                if (direction == PolicyDirection.In)
                {
                    MarkDirty(node, i + 1, onlyPrefixes);
                }
                else
                {
                    MarkDirty(session.PeerNode, session.ReverseSlot, onlyPrefixes);
                }
            }
        }
    }

    /// <summary>Sets (or with <paramref name="remove"/> clears) a node's own origination of a prefix.</summary>
    internal void SetOrigination(int node, IpPrefix prefix, IReadOnlyList<uint> asPathBehind, uint? med, bool remove,
        IReadOnlyList<Community>? communities = null)
    {
        ThrowIfSealed();
        var id = _prefixes.GetOrAdd(prefix);
        var path = remove ? null : OriginatedPath(node, prefix, asPathBehind, med, communities);
        SetPath(node, id, 0, path, 0);
        foreach (var ((feedNode, slot), table) in _feeds)
        {
            if (feedNode != node)
            {
                continue;
            }

            // Live feeds stand for the ISP's announcements on that session: they follow the change too.
            var session = Model.Nodes[node].Sessions[slot - 1];
            table.Set(id, path is null ? null : ExportFromOrigin(node, slot, id, path));
            MarkDirty(session.PeerNode, session.ReverseSlot, [prefix]);
        }
    }

    /// <summary>Re-evaluates every best path (FULL_REROUTE): a no-op on a consistent twin.</summary>
    internal void ReevaluateAll()
    {
        ThrowIfSealed();
        _reevaluateAll = true;
    }

    /// <summary>
    /// Ends writing: the state (a converged base, or a what-if's finished fork) is immutable from now on, and any
    /// number of threads may read and fork it at once.
    /// </summary>
    internal void Seal()
    {
        if (_sealed)
        {
            return;
        }

        foreach (var rib in _ribs)
        {
            rib.Seal();
        }

        _sealed = true;
    }

    private void ThrowIfSealed()
    {
        if (_sealed)
        {
            throw new InvalidOperationException("a sealed twin state is read-only: fork it to change it");
        }
    }

    private void MarkDirty(int node, int slot, IReadOnlyCollection<IpPrefix>? prefixes)
    {
        if (_dirty.TryGetValue((node, slot), out var listed))
        {
            if (listed is null)
            {
                return;
            }

            if (prefixes is null)
            {
                _dirty[(node, slot)] = null;
            }
            else
            {
                listed.UnionWith(prefixes);
            }

            return;
        }

        _dirty[(node, slot)] = prefixes is null ? null : [.. prefixes];
        _dirtyOrder.Add((node, slot));
    }

    /// <summary>Turns the recorded changes into work: refreshes each marked session once, under the final inputs.</summary>
    private void ApplyChanges()
    {
        if (_inputsChanged)
        {
            ClearAcceptCache();
            _inputsChanged = false;
        }

        if (_reevaluateAll)
        {
            _reevaluateAll = false;
            for (var id = 0; id < _prefixes.Count; id++)
            {
                CheckCancellation(id);
                for (var node = 0; node < _ribs.Length; node++)
                {
                    if (_ribs[node].Exists(id))
                    {
                        Enqueue(node, id, 0);
                    }
                }
            }
        }

        foreach (var (node, slot) in _dirtyOrder)
        {
            var listed = _dirty[(node, slot)];
            if (listed is not null)
            {
                foreach (var prefix in listed)
                {
                    var id = _prefixes.IdOf(prefix);
                    if (id >= 0)
                    {
                        RefreshInbound(node, slot, id, 0);
                    }
                }
            }
            else if (IsFork && _prefixes.Count >= BatchMinimum)
            {
                _pending.Add((node, slot));
            }
            else
            {
                RefreshAll(node, slot);
            }
        }

        _dirty.Clear();
        _dirtyOrder.Clear();
    }

    // Cancellation is looked at every few thousand steps of the loops a large change runs: often enough to stop
    // within milliseconds, rarely enough to cost nothing.
    private void CheckCancellation(int step)
    {
        if ((step & 4095) == 0)
        {
            _cancellation.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Runs the work-list until quiescent and reports which best paths changed since the last run.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired; the state is then unusable.</exception>
    internal PropagationStats Propagate(CancellationToken cancellationToken = default)
    {
        ThrowIfSealed();
        _cancellation = cancellationToken;
        try
        {
            ApplyChanges();
            if (_pending.Count > 0)
            {
                if (_queue.Count == 0 && _feeds.Count == 0 && AllPrefixBlind())
                {
                    return PropagateByClass();
                }

                FlushPending();
            }

            var evaluationsBefore = _evaluations;
            var maxDepth = RunQueue();
            var stats = new PropagationStats(_evaluations - evaluationsBefore, _changed, maxDepth);
            _changed = [];
            _changedSet = new PairSet(Model.Nodes.Count);
            return stats;
        }
        finally
        {
            _cancellation = default;
        }
    }

    private const int BatchMinimum = 4096;

    private bool AllPrefixBlind()
    {
        for (var node = 0; node < Model.Nodes.Count; node++)
        {
            for (var slot = 1; slot <= Model.Nodes[node].Sessions.Count; slot++)
            {
                if (!CacheFor(node, slot).Blind)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Whole-session refreshes on a network whose filters cannot tell prefixes apart: what happens to a prefix then
    /// depends only on what every node holds for it, so prefixes holding the very same objects everywhere (a full
    /// table shares a few attribute sets) form a class. One member of each class runs the ordinary work-list; the
    /// others take its resulting rows. Results, depths and the evaluation count are those of running every prefix;
    /// changes are listed by depth, then prefix id, then the order the work-list found them.
    /// </summary>
    private PropagationStats PropagateByClass()
    {
        var pending = _pending.ToArray();
        _pending.Clear();
        var pristine = OverlayEntries == 0;
        var count = _prefixes.Count;
        var hashes = new int[count];
        for (var id = 0; id < count; id++)
        {
            hashes[id] = _prefixes[id].IsIPv6 ? 1 : 0;
        }

        foreach (var rib in _ribs)
        {
            rib.AddRowHashes(hashes);
        }

        var classOf = new int[count];
        var members = new List<int>();
        var representatives = new List<int>();
        var byRows = new Dictionary<int, int>(new SameRows(this, hashes));
        for (var id = 0; id < count; id++)
        {
            if (!byRows.TryGetValue(id, out var c))
            {
                c = representatives.Count;
                representatives.Add(id);
                members.Add(0);
                byRows.Add(id, c);
            }

            classOf[id] = c;
            members[c]++;
        }

        // A second member of each class still holds what the representative held before its run.
        var witness = new int[representatives.Count];
        Array.Fill(witness, -1);
        for (var id = 0; id < count; id++)
        {
            var c = classOf[id];
            if (witness[c] < 0 && representatives[c] != id)
            {
                witness[c] = id;
            }
        }

        var evaluationsBefore = _evaluations;
        long evaluations = 0;
        var maxDepth = 0;
        var starts = new int[representatives.Count + 1];
        var written = new ulong[representatives.Count];
        for (var c = 0; c < representatives.Count; c++)
        {
            CheckCancellation(c);
            var representative = representatives[c];
            starts[c] = _changed.Count;
            var before = _evaluations;
            foreach (var (node, slot) in pending)
            {
                RefreshInbound(node, slot, representative, 0);
            }

            maxDepth = Math.Max(maxDepth, RunQueue());
            evaluations += (_evaluations - before) * members[c];
            if (witness[c] >= 0)
            {
                for (var node = 0; node < _ribs.Length; node++)
                {
                    if (node >= 64 || !_ribs[node].SameRow(representative, witness[c]))
                    {
                        written[c] |= node >= 64 ? ulong.MaxValue : 1UL << node;
                    }
                }
            }
        }

        starts[representatives.Count] = _changed.Count;
        _evaluations = evaluationsBefore + evaluations;

        // The other members take their representative's rows wherever its run changed them.
        for (var node = 0; node < _ribs.Length; node++)
        {
            _cancellation.ThrowIfCancellationRequested();
            var bit = node >= 64 ? ulong.MaxValue : 1UL << node;
            var rib = _ribs[node];
            for (var id = 0; id < count; id++)
            {
                var c = classOf[id];
                if ((written[c] & bit) != 0 && representatives[c] != id)
                {
                    rib.CopyRow(representatives[c], id);
                }
            }
        }

        var found = _changed.Select(f => (f.Node, f.Depth)).ToArray();
        var total = 0;
        for (var c = 0; c < representatives.Count; c++)
        {
            total += (starts[c + 1] - starts[c]) * members[c];
        }

        _changed = [];
        _changedSet = new PairSet(Model.Nodes.Count);
        var classes = new PrefixClasses(classOf, [.. representatives], starts, found, pristine);
        return new PropagationStats(evaluations, new ClassChanges(classes, total, maxDepth), maxDepth) { Classes = classes };
    }

    /// <summary>Prefixes compared by what every node holds for them (by object identity) and by address family.</summary>
    private sealed class SameRows(TwinState state, int[] hashes) : IEqualityComparer<int>
    {
        public bool Equals(int x, int y)
        {
            if (hashes[x] != hashes[y] || state._prefixes[x].IsIPv6 != state._prefixes[y].IsIPv6)
            {
                return false;
            }

            foreach (var rib in state._ribs)
            {
                if (!rib.SameRow(x, y))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(int obj) => hashes[obj];
    }

    /// <summary>Runs the work-list until quiescent; returns the deepest hop at which a best path changed.</summary>
    private int RunQueue()
    {
        var maxDepth = 0;
        for (var step = 1; _queue.Count > 0; step++)
        {
            CheckCancellation(step);
            var (node, id, depth) = _queue.Dequeue();
            _queued.Remove(node, id);
            _evaluations++;
            var rib = _ribs[node];
            if (!rib.Exists(id))
            {
                continue;
            }

            var best = Decide(node, rib, id);
            var oldBest = rib.BestPath(id);
            var newBest = best < 0 ? null : rib.PathAt(id, best);
            if (best == rib.Best(id) && Equals(oldBest, newBest))
            {
                continue;
            }

            rib.SetBest(id, best);

            if (Equals(oldBest, newBest))
            {
                continue;
            }

            if (_changedSet.Add(node, id))
            {
                _changed.Add((node, id, depth));
            }

            maxDepth = Math.Max(maxDepth, depth);
            var sessions = Model.Nodes[node].Sessions;
            for (var i = 0; i < sessions.Count; i++)
            {
                RefreshInbound(sessions[i].PeerNode, sessions[i].ReverseSlot, id, depth + 1);
            }
        }

        return maxDepth;
    }

    // ---- the BGP rules ----

    private CandidatePath OriginatedPath(int node, IpPrefix prefix, IReadOnlyList<uint> asPathBehind, uint? med, IReadOnlyList<Community>? communities = null)
    {
        var local = Model.Nodes[node].Local;

        // FRR's `network` route: ORIGIN IGP, empty AS path, MED 0 with its flag set (bgp_static_update). An ISP's
        // "AS path behind it" is what its outbound route-map prepends; holding it here gives the same wire path.
        var attributes = new PathAttributes
        {
            Origin = Origin.Igp,
            AsPath = AsPath.FromSequence([.. asPathBehind]),
            MultiExitDisc = med ?? 0,
            NextHop = prefix.IsIPv6 ? null : IPAddress.Any,
            Communities = communities is null ? EquatableArray<Community>.Empty : communities.ToArray(),
        };
        return CandidatePath.LocallyOriginated(attributes, local.Asn, local.RouterId) with { NextHop = prefix.IsIPv6 ? IPAddress.IPv6Any : null };
    }

    private void Originate(int node, IpPrefix prefix, IReadOnlyList<uint> asPathBehind, uint? med)
    {
        var id = _prefixes.GetOrAdd(prefix);

        // A full table repeats a few AS paths; equal originations share one path object, so the per-session caches
        // recognise them by reference.
        var path = OriginatedPath(node, prefix, asPathBehind, med);
        var key = (node, prefix.IsIPv6, med, path.Attributes.AsPath ?? AsPath.Empty);
        if (_originatedPaths.TryGetValue(key, out var shared) && shared.Equals(path))
        {
            path = shared;
        }
        else
        {
            _originatedPaths[key] = path;
        }

        SetPath(node, id, 0, path, 0);
    }

    private void LoadFeed(ExternalFeed feed)
    {
        var isp = Model.IndexOf(feed.Isp);
        var router = Model.IndexOf(feed.Router);
        if (isp < 0 || router < 0 || Model.Nodes[isp].IsOurs)
        {
            throw new ArgumentException($"feed {feed.Isp} -> {feed.Router}: not an ISP and one of our routers of topology '{Model.Topology.Name}'", nameof(feed));
        }

        var slot = Model.Nodes[isp].SlotOf(feed.Router);
        if (slot < 0)
        {
            throw new ArgumentException($"feed {feed.Isp} -> {feed.Router}: they have no session", nameof(feed));
        }

        if (!_feeds.TryGetValue((isp, slot), out var table))
        {
            table = OverlayTable<AdvertisedRoute>.Root(feed.Routes.Count + 4);
            _feeds[(isp, slot)] = table;
        }

        var session = Model.Nodes[isp].Sessions[slot - 1];
        foreach (var route in feed.Routes)
        {
            var id = _prefixes.GetOrAdd(route.Prefix);
            table.Set(id, new AdvertisedRoute(route.Attributes, route.NextHop ?? route.Attributes.NextHop));
            RefreshInbound(session.PeerNode, session.ReverseSlot, id, 0);
        }
    }

    private void RefreshAll(int node, int slot)
    {
        for (var id = 0; id < _prefixes.Count; id++)
        {
            CheckCancellation(id);
            RefreshInbound(node, slot, id, 0);
        }
    }

    private void FlushPending()
    {
        foreach (var (node, slot) in _pending)
        {
            RefreshAll(node, slot);
        }

        _pending.Clear();
    }

    /// <summary>Recomputes what <paramref name="node"/> accepts on <paramref name="slot"/> for a prefix; queues the node when it changed.</summary>
    private void RefreshInbound(int node, int slot, int id, int depth)
    {
        var path = Accept(node, slot, id);
        if (Equals(_ribs[node].PathAt(id, slot), path))
        {
            return;
        }

        SetPath(node, id, slot, path, depth);
    }

    private void SetPath(int node, int id, int slot, CandidatePath? path, int depth)
    {
        if (slot == 0 && _originated.TryGetValue(node, out var originated))
        {
            if (path is null)
            {
                originated.Remove(id);
            }
            else
            {
                originated.Add(id);
            }
        }

        var rib = _ribs[node];
        if (path is null && !rib.Exists(id))
        {
            return;
        }

        rib.SetPath(id, slot, path);
        Enqueue(node, id, depth);
    }

    private void Enqueue(int node, int id, int depth)
    {
        if (_queued.Add(node, id))
        {
            _queue.Enqueue((node, id, depth));
        }
    }

    /// <summary>Receive checks and import policy on what the far end of <paramref name="slot"/> advertises.</summary>
    private CandidatePath? Accept(int node, int slot, int id)
    {
        var receiver = Model.Nodes[node];
        var session = receiver.Sessions[slot - 1];
        if (!_linkUp[session.LinkIndex])
        {
            return null;
        }

        // What crosses a session depends on the sender's best path and the two policies, and on the prefix only
        // when a filter consults it; so for prefix-blind sessions the outcome is memoised per distinct best path —
        // a full table has far fewer distinct attribute sets than prefixes.
        var cache = CacheFor(node, slot);
        if (cache.Blind && (_feeds.Count == 0 || !_feeds.ContainsKey((session.PeerNode, session.ReverseSlot)))
            && _ribs[session.PeerNode].BestPath(id) is { } senderBest)
        {
            if (cache.ByReference.TryGetValue(senderBest, out var cached))
            {
                return cached;
            }

            if (!cache.ByValue.TryGetValue(senderBest, out cached))
            {
                cached = AcceptUncached(node, slot, id);
                cache.ByValue[senderBest] = cached;
            }

            if (cache.ByReference.Count < AcceptCache.ReferenceLimit)
            {
                cache.ByReference[senderBest] = cached;
            }

            return cached;
        }

        return AcceptUncached(node, slot, id);
    }

    private AcceptCache CacheFor(int node, int slot)
    {
        if (_acceptCache[node][slot] is { } cache)
        {
            return cache;
        }

        var session = Model.Nodes[node].Sessions[slot - 1];
        var blind = PrefixBlind(_policies[node], session.PeerId, PolicyDirection.In)
            && PrefixBlind(_policies[session.PeerNode], Model.Nodes[node].Id, PolicyDirection.Out);
        cache = new AcceptCache(blind);
        _acceptCache[node][slot] = cache;
        return cache;
    }

    private void ClearAcceptCache()
    {
        foreach (var slots in _acceptCache)
        {
            Array.Clear(slots);
        }
    }

    /// <summary>
    /// The best-path decision, memoised per node on the candidate objects: prefixes that reach a node with the same
    /// candidates (a full table shares a few attribute sets, and the session caches share the path objects) get the
    /// same decision, so it runs once per distinct candidate set rather than once per prefix.
    /// </summary>
    private int Decide(int node, RibTable rib, int id)
    {
        var paths = _scratch[node];
        rib.ReadRow(id, paths);
        var memo = _decisions[node] ??= new Dictionary<CandidatePath?[], int>(PathsByReference.Instance);
        if (memo.TryGetValue(paths, out var best))
        {
            return best;
        }

        best = SelectBest(paths);
        if (memo.Count < DecisionLimit)
        {
            memo[(CandidatePath?[])paths.Clone()] = best;
        }

        return best;
    }

    private const int DecisionLimit = 1 << 16;

    // True when a filter chain cannot tell prefixes apart: no prefix-list bound and no entry matching one.
    private static bool PrefixBlind(RoutingPolicy policy, string peer, PolicyDirection direction)
    {
        var binding = policy.PeerBinding(peer);
        if (binding.PrefixList(direction) is not null)
        {
            return false;
        }

        return binding.RouteMap(direction) is not { } name || !policy.RouteMaps.TryGetValue(name, out var map)
            || map.Entries.All(e => !e.Matches.Any(m => m is MatchPrefixList));
    }

    private CandidatePath? AcceptUncached(int node, int slot, int id)
    {
        var receiver = Model.Nodes[node];
        var session = receiver.Sessions[slot - 1];
        var advertised = Advertise(session.PeerNode, session.ReverseSlot, id);
        if (advertised is null)
        {
            return null;
        }

        var received = RouteReflection.Receive(advertised.Attributes, session.Peer, receiver.Local);
        if (!received.Accepted)
        {
            return null;
        }

        var prefix = _prefixes[id];
        var route = new PolicyRoute(prefix, received.Attributes) { NextHop = prefix.IsIPv6 ? advertised.NextHop : null, PeerAsn = session.Peer.Asn };
        var result = _policies[node].ApplyPeer(session.PeerId, PolicyDirection.In, route);
        if (!result.Permitted)
        {
            return null;
        }

        return new CandidatePath(result.Route.Attributes, session.Peer)
        {
            NextHop = prefix.IsIPv6 ? result.Route.NextHop : null,
            Weight = result.Route.Weight,
        };
    }

    /// <summary>Adj-RIB-Out: what <paramref name="node"/> sends on <paramref name="slot"/> for a prefix, or null.</summary>
    internal AdvertisedRoute? Advertise(int node, int slot, int id)
    {
        var sender = Model.Nodes[node];
        if (!_linkUp[sender.Sessions[slot - 1].LinkIndex])
        {
            return null;
        }

        if (_feeds.TryGetValue((node, slot), out var feed))
        {
            return feed.Get(id);
        }

        var best = _ribs[node].BestPath(id);
        if (best is null)
        {
            return null;
        }

        // An ISP announces its own prefixes only (the lab's ISP-OUT route-map), never what it learnt from us.
        if (!sender.IsOurs && best.Peer.Type != PeerType.Local)
        {
            return null;
        }

        return sender.IsOurs ? ExportWithPolicy(node, slot, id, best) : ExportFromOrigin(node, slot, id, best);
    }

    private AdvertisedRoute? ExportFromOrigin(int node, int slot, int id, CandidatePath origin)
    {
        var sender = Model.Nodes[node];
        var toPeer = sender.Sessions[slot - 1].Peer;

        // An ISP's communities, like the AS path behind it, stand for what its outbound route-map sets on the way out,
        // after the advertisement checks: a no-export it attaches binds the receiver, not the ISP.
        var checkedPath = sender.IsOurs || origin.Attributes.Communities.IsEmpty
            ? origin
            : origin with { Attributes = origin.Attributes with { Communities = EquatableArray<Community>.Empty } };
        return RouteReflection.CanAdvertise(checkedPath, toPeer, sender.Local) == AdvertiseVerdict.Advertise
            ? RouteReflection.Export(origin, toPeer, sender.Local)
            : null;
    }

    private AdvertisedRoute? ExportWithPolicy(int node, int slot, int id, CandidatePath best)
    {
        var sender = Model.Nodes[node];
        var session = sender.Sessions[slot - 1];
        var toPeer = session.Peer;
        if (RouteReflection.CanAdvertise(best, toPeer, sender.Local) != AdvertiseVerdict.Advertise)
        {
            return null;
        }

        var exported = RouteReflection.Export(best, toPeer, sender.Local);
        var external = toPeer.Type == PeerType.External;

        // FRR runs the outbound route-map before it prepends our AS for an eBGP peer (that happens when the UPDATE is
        // written), so `match as-path ^$` sees our own routes with an empty path.
        var attributes = external
            ? exported.Attributes with { AsPath = best.Attributes.EffectiveAsPath ?? AsPath.Empty, As4Path = null }
            : exported.Attributes;
        var prefix = _prefixes[id];
        var route = new PolicyRoute(prefix, attributes) { NextHop = prefix.IsIPv6 ? exported.NextHop : null, PeerAsn = toPeer.Asn };
        var result = _policies[node].ApplyPeer(session.PeerId, PolicyDirection.Out, route);
        if (!result.Permitted)
        {
            return null;
        }

        var output = result.Route.Attributes;
        if (external)
        {
            output = output with { AsPath = PrependAsn(output.EffectiveAsPath, sender.Local.ExternalAsn), As4Path = null };
        }

        return new AdvertisedRoute(output, prefix.IsIPv6 ? result.Route.NextHop : output.NextHop);
    }

    /// <summary>What one session accepted for each distinct sender best path, when its filters cannot see the prefix.</summary>
    private sealed class AcceptCache(bool blind)
    {
        public const int ReferenceLimit = 1 << 16;

        public bool Blind { get; } = blind;

        public Dictionary<CandidatePath, CandidatePath?> ByValue { get; } = [];

        public Dictionary<CandidatePath, CandidatePath?> ByReference { get; } = new(ReferenceEqualityComparer.Instance);
    }

    /// <summary>Candidate lists equal when they hold the same objects in the same slots.</summary>
    private sealed class PathsByReference : IEqualityComparer<CandidatePath?[]>
    {
        public static PathsByReference Instance { get; } = new();

        public bool Equals(CandidatePath?[]? x, CandidatePath?[]? y)
        {
            if (x is null || y is null || x.Length != y.Length)
            {
                return ReferenceEquals(x, y);
            }

            for (var i = 0; i < x.Length; i++)
            {
                if (!ReferenceEquals(x[i], y[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(CandidatePath?[] obj)
        {
            var hash = new HashCode();
            foreach (var path in obj)
            {
                hash.Add(path is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(path));
            }

            return hash.ToHashCode();
        }
    }

    private static AsPath PrependAsn(AsPath? path, uint asn)
    {
        path ??= AsPath.Empty;
        var segments = path.Segments.ToList();
        if (segments.Count > 0 && segments[0].Type == AsPathSegmentType.AsSequence && segments[0].Asns.Count < 255)
        {
            segments[0] = segments[0] with { Asns = new[] { asn }.Concat(segments[0].Asns).ToArray() };
        }
        else
        {
            segments.Insert(0, new AsPathSegment(AsPathSegmentType.AsSequence, new[] { asn }));
        }

        return new AsPath(segments.ToArray());
    }

    /// <summary>
    /// FRR's pairwise walk (what <see cref="BestPathSelector.Select"/> does without deterministic-MED) over the
    /// candidates in its list order, without the runner-up search the twin does not need on this hot path.
    /// </summary>
    private int SelectBest(CandidatePath?[] paths)
    {
        Span<int> order = stackalloc int[paths.Length];
        var count = 0;
        for (var i = 0; i < paths.Length; i++)
        {
            if (paths[i] is null)
            {
                continue;
            }

            // Insertion in BestPathSelector's list order: newest first (all twin paths share arrival 0), then by
            // peer address, then path id.
            var j = count++;
            while (j > 0 && ListOrder(paths[i]!, paths[order[j - 1]]!) < 0)
            {
                order[j] = order[j - 1];
                j--;
            }

            order[j] = i;
        }

        if (count == 0)
        {
            return -1;
        }

        var best = order[0];
        for (var k = 1; k < count; k++)
        {
            if (BestPathSelector.Compare(paths[order[k]]!, paths[best]!, Model.DecisionOptions).FirstWins)
            {
                best = order[k];
            }
        }

        return best;
    }

    private static int ListOrder(CandidatePath x, CandidatePath y)
    {
        var order = y.ReceivedOrder.CompareTo(x.ReceivedOrder);
        if (order != 0)
        {
            return order;
        }

        var a = x.Peer.Address;
        var b = y.Peer.Address;
        order = (a.AddressFamily == AddressFamily.InterNetworkV6).CompareTo(b.AddressFamily == AddressFamily.InterNetworkV6);
        if (order == 0)
        {
            Span<byte> left = stackalloc byte[16];
            Span<byte> right = stackalloc byte[16];
            a.TryWriteBytes(left, out var l);
            b.TryWriteBytes(right, out var r);
            order = left[..l].SequenceCompareTo(right[..r]);
        }

        return order != 0 ? order : x.PathId.CompareTo(y.PathId);
    }

    private static bool SameLists(RoutingPolicy a, RoutingPolicy b) =>
        ReferenceEquals(a.PrefixLists, b.PrefixLists) && ReferenceEquals(a.IPv6PrefixLists, b.IPv6PrefixLists)
        && ReferenceEquals(a.AsPathLists, b.AsPathLists) && ReferenceEquals(a.CommunityLists, b.CommunityLists)
        && ReferenceEquals(a.LargeCommunityLists, b.LargeCommunityLists);

    // A session's filter chain changed when its binding or bound map changed, or when a named list changed and the
    // chain consults any list (a prefix-list binding, or a map entry that matches or deletes by list).
    private static bool FilterChanged(RoutingPolicy old, RoutingPolicy now, string peer, PolicyDirection direction, bool listsChanged)
    {
        var before = old.PeerBinding(peer);
        var after = now.PeerBinding(peer);
        if (before.RouteMap(direction) != after.RouteMap(direction) || before.PrefixList(direction) != after.PrefixList(direction))
        {
            return true;
        }

        var mapName = after.RouteMap(direction);
        var oldMap = mapName is null ? null : old.RouteMaps.GetValueOrDefault(mapName);
        var newMap = mapName is null ? null : now.RouteMaps.GetValueOrDefault(mapName);
        if (!ReferenceEquals(oldMap, newMap))
        {
            return true;
        }

        return listsChanged && (after.PrefixList(direction) is not null || UsesLists(newMap));
    }

    private static bool UsesLists(RouteMap? map) =>
        map is not null && map.Entries.Any(e => !e.Matches.IsEmpty || e.Sets.Any(s => s is DeleteCommunities or DeleteLargeCommunities));
}
