using System.Globalization;
using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Twin.Engine;
using OrleansNetOps.Twin.Model;

namespace OrleansNetOps.Twin.WhatIf;

/// <summary>
/// Applies a request's changes, in order, to a fork: validates each (errors name the change and field), checks the
/// guardrails, and records on the fork what changed. Nothing propagates here. A router's policy edits are collected and
/// applied as one batch (<see cref="PolicyEdit.ForAll"/>) when something else needs that router's policy or at the
/// end, so the work grows with the number of edits, not with its square.
/// <para>
/// Session actions: <c>PEER_DEACTIVATE</c> and <c>DEPEER</c> take the session down (routing-wise a removed
/// neighbour and a shut one are the same), <c>PEER_ACTIVATE</c> brings it up, <c>ISP_FAILOVER</c> takes down
/// every session of the ISP named by <c>params.peer</c> on all our routers (traffic moves to the other ISPs; the
/// "prefer the other ISP" variant is expressible as LOCAL_PREF_ADJUST), <c>FULL_REROUTE</c> re-evaluates every
/// best path (a no-op on a consistent twin), <c>NO_ACTION</c> changes nothing.
/// </para>
/// </summary>
internal sealed class ChangeApplication(TwinState fork, WhatIfOptions options, CancellationToken cancellationToken)
{
    private readonly List<(int Change, string Text)> _errors = [];
    private readonly Dictionary<int, List<PendingEdit>> _pending = [];
    private readonly Dictionary<string, List<string>> _edited = new(StringComparer.Ordinal);

    private sealed record PendingEdit(int Change, string At, TwinAction Action, ActionParameters Parameters);

    /// <summary>Caveats found so far.</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>Guardrail violations and conflicting edits.</summary>
    public List<string> Conflicts { get; } = [];

    /// <summary>The longest time before the first router reacts to any of the changes.</summary>
    public double DetectionMs { get; private set; }

    /// <summary>Validation errors, in the order of the changes they belong to.</summary>
    public List<string> Errors() => _errors.OrderBy(e => e.Change).Select(e => e.Text).ToList();

    /// <summary>Whether any change was invalid.</summary>
    public bool Invalid => _errors.Count > 0;

    /// <summary>Applies every change, then the collected policy edits.</summary>
    public void ApplyAll(IReadOnlyList<TwinChange> changes)
    {
        for (var i = 0; i < changes.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var change = changes[i];
            var at = change.Position ?? string.Create(CultureInfo.InvariantCulture, $"changes[{i}]");
            DetectionMs = Math.Max(DetectionMs, Apply(i, change, at));
        }

        foreach (var node in _pending.Keys.Order().ToList())
        {
            Flush(node);
        }

        foreach (var (key, positions) in _edited.Where(e => e.Value.Count > 1))
        {
            var listed = positions.Count <= 3
                ? string.Join(", ", positions)
                : string.Create(CultureInfo.InvariantCulture, $"{string.Join(", ", positions.Take(3))} and {positions.Count - 3} more");
            Warnings.Add($"{listed} edit the same neighbour policy ({key}); all apply, in order");
        }
    }

    private void Error(int change, string text) => _errors.Add((change, text));

    private double Apply(int index, TwinChange change, string at)
    {
        var model = fork.Model;
        var topology = model.Topology;
        switch (change)
        {
            case CatalogueChange catalogue:
                return ApplyCatalogue(index, catalogue, at);

            case LinkStateChange link:
                var linkIndex = LinkIndex(link.A, link.B);
                if (linkIndex < 0)
                {
                    Error(index, link.B.Length == 0
                        ? $"{at}.params.link: there is no link '{link.A}' in topology '{topology.Name}' (links: {string.Join(", ", topology.Links.Select(l => l.Name))})"
                        : $"{at}: there is no link between '{link.A}' and '{link.B}' in topology '{topology.Name}'");
                    return 0;
                }

                if (!Valid(index, at, link.HoldTimeMs))
                {
                    return 0;
                }

                fork.SetLinkState(linkIndex, link.Up);
                return link.Up ? 0 : link.HoldTimeMs ?? options.Convergence.HoldTimeMs;

            case RouterDown down:
                if (!NodeExists(index, down.Router, at + ".router") || !Valid(index, at, down.HoldTimeMs))
                {
                    return 0;
                }

                for (var i = 0; i < topology.Links.Count; i++)
                {
                    if (topology.Links[i].Touches(down.Router))
                    {
                        fork.SetLinkState(i, false);
                    }
                }

                return down.HoldTimeMs ?? options.Convergence.HoldTimeMs;

            case PrefixAnnouncement announcement:
                if (!IspExists(index, announcement.Node, at + ".router"))
                {
                    return 0;
                }

                fork.SetOrigination(model.IndexOf(announcement.Node), announcement.Prefix, announcement.AsPath, announcement.Med, remove: false,
                    announcement.Communities);
                return 0;

            case PrefixWithdrawal withdrawal:
                if (!IspExists(index, withdrawal.Node, at + ".router"))
                {
                    return 0;
                }

                fork.SetOrigination(model.IndexOf(withdrawal.Node), withdrawal.Prefix, [], null, remove: true);
                return 0;

            case ExportLeak leak:
                var router = model.IndexOf(leak.Router);
                var peer = router < 0 ? null : ResolvePeer(model.Nodes[router], leak.Peer);
                if (router < 0 || !model.Nodes[router].IsOurs || peer is null)
                {
                    Error(index, $"{at}: '{leak.Router}' has no session with '{leak.Peer}'");
                    return 0;
                }

                // The leak replaces the outbound binding: edits collected so far for this router come first.
                Flush(router);
                var policy = fork.PolicyAt(router);
                var name = $"NETOPS-LEAK-{peer.PeerId}";
                policy = policy.With(new RouteMap(name, [new RouteMapEntry(10, AccessAction.Permit)]))
                    .WithPeer(peer.PeerId, policy.PeerBinding(peer.PeerId).WithRouteMap(PolicyDirection.Out, name));
                fork.SetPolicy(router, policy, null);
                return options.Convergence.RouteMapDelayMs;

            default:
                Error(index, $"{at}: {change.GetType().Name} is not a change the twin knows");
                return 0;
        }
    }

    private double ApplyCatalogue(int index, CatalogueChange change, string at)
    {
        var model = fork.Model;
        var topology = model.Topology;
        var failures = _errors.Count;
        if (topology.Router(change.Router) is null)
        {
            Error(index, $"{at}.router: '{change.Router}' is not a router of topology '{topology.Name}'");
        }

        if (!TwinActionNames.TryParse(change.Action, out var action))
        {
            Error(index, $"{at}.action: '{change.Action}' is not one of {string.Join(", ", TwinActionNames.All)} (or an event: {string.Join(", ", TwinChangeJson.EventNames)})");
        }

        if (_errors.Count > failures)
        {
            return 0;
        }

        var node = model.Nodes[model.IndexOf(change.Router)];
        var parameters = change.Parameters;
        string? failoverIsp = null;
        if (!string.IsNullOrWhiteSpace(parameters.Peer))
        {
            var text = parameters.Peer.Trim();
            if (action == TwinAction.IspFailover)
            {
                failoverIsp = topology.Isp(text)?.Id ?? topology.Links.Where(l => topology.Isp(l.B) is not null && l.BAddress.ToString() == text).Select(l => l.B).FirstOrDefault();
                if (failoverIsp is null)
                {
                    Error(index, $"{at}.params.peer: '{text}' is not an ISP of topology '{topology.Name}' (ISPs: {string.Join(", ", topology.Isps.Select(i => i.Id))})");
                    return 0;
                }

                parameters = parameters with { Peer = failoverIsp };
            }
            else if (ResolvePeer(node, text) is { } session)
            {
                parameters = parameters with { Peer = session.PeerId };
            }
            else
            {
                Error(index, $"{at}.params.peer: '{text}' is not a neighbour of {node.Id} (neighbours: {string.Join(", ", node.Sessions.Select(s => $"{s.PeerId} {s.Peer.Address}"))})");
                return 0;
            }
        }

        CheckGuardrails(action, parameters, at);
        if (action is TwinAction.PeerActivate or TwinAction.PeerDeactivate or TwinAction.Depeer or TwinAction.IspFailover or TwinAction.FullReroute
            or TwinAction.NoAction)
        {
            var edit = PolicyEdit.For(action, parameters, fork.PolicyAt(node.Index), node.Local.Asn);
            if (!edit.IsValid)
            {
                edit.Errors.ToList().ForEach(e => Error(index, $"{at}.{e}"));
                return 0;
            }

            return ApplySession(node, edit.Session!, failoverIsp);
        }

        var key = $"{node.Id} towards {parameters.Peer} {parameters.Direction ?? "default direction"}";
        if (!_edited.TryGetValue(key, out var positions))
        {
            positions = [];
            _edited[key] = positions;
        }

        positions.Add(at);
        if (!_pending.TryGetValue(node.Index, out var pending))
        {
            pending = [];
            _pending[node.Index] = pending;
        }

        pending.Add(new PendingEdit(index, at, action, parameters));
        return options.Convergence.RouteMapDelayMs;
    }

    /// <summary>Applies a router's collected policy edits as one batch.</summary>
    private void Flush(int node)
    {
        if (!_pending.Remove(node, out var edits) || edits.Count == 0)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var twinNode = fork.Model.Nodes[node];
        var batch = PolicyEdit.ForAll(edits.Select(e => (e.Action, e.Parameters)).ToList(), fork.PolicyAt(node), twinNode.Local.Asn);
        HashSet<IpPrefix>? only = [];
        for (var i = 0; i < edits.Count; i++)
        {
            var result = batch.Edits[i];
            if (!result.IsValid)
            {
                result.Errors.ToList().ForEach(e => Error(edits[i].Change, $"{edits[i].At}.{e}"));
                continue;
            }

            Warnings.AddRange(result.Warnings.Select(w => $"{edits[i].At}: {w}"));

            // An edit limited to listed prefixes only alters the outcome for them, so only they need re-evaluation.
            if (edits[i].Parameters.Prefixes is { } texts && only is not null)
            {
                only.UnionWith(texts.Select(t => IpPrefix.Parse(t.Trim())));
            }
            else
            {
                only = null;
            }
        }

        if (batch.IsValid)
        {
            fork.SetPolicy(node, batch.Policy, only);
        }
    }

    private void CheckGuardrails(TwinAction action, ActionParameters parameters, string at)
    {
        var guardrails = options.Guardrails;
        if (action == TwinAction.LocalPrefAdjust && parameters.LocalPref is { } lp && (lp < guardrails.LocalPrefMin || lp > guardrails.LocalPrefMax))
        {
            Conflicts.Add($"{at}: localPref {lp} is outside the guardrail {guardrails.LocalPrefMin}..{guardrails.LocalPrefMax}");
        }

        if (action == TwinAction.MedAdjust && parameters.Med is { } med && (med < guardrails.MedMin || med > guardrails.MedMax))
        {
            Conflicts.Add($"{at}: med {med} is outside the guardrail {guardrails.MedMin}..{guardrails.MedMax}");
        }

        if (action == TwinAction.CommunityTag && parameters.Mode?.Trim() == "remove" && parameters.Community is { } communities)
        {
            foreach (var token in communities.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
            {
                if (CommunityText.TryParse(token, out var community) && guardrails.ProtectedCommunities.Contains(community.ToString()))
                {
                    Conflicts.Add($"{at}: {community} is a protected community and may not be removed");
                }
            }
        }
    }

    private double ApplySession(TwinNode node, SessionEdit edit, string? failoverIsp)
    {
        var topology = fork.Model.Topology;
        switch (edit.Kind)
        {
            case SessionEditKind.Activate or SessionEditKind.Deactivate or SessionEditKind.Remove:
                var session = node.Sessions.First(s => s.PeerId == edit.Peer);
                fork.SetLinkState(session.LinkIndex, edit.Kind == SessionEditKind.Activate);
                return 0;
            case SessionEditKind.Failover:
                for (var i = 0; i < topology.Links.Count; i++)
                {
                    if (topology.Links[i].Touches(failoverIsp!))
                    {
                        fork.SetLinkState(i, false);
                    }
                }

                return 0;
            case SessionEditKind.FullReroute:
                fork.ReevaluateAll();
                return options.Convergence.ProcessingMsPerHop;
            default:
                return 0;
        }
    }

    // A link by its two ends (the far end may be given by its session address), or by its name when b is empty.
    private int LinkIndex(string a, string b)
    {
        var links = fork.Model.Topology.Links;
        for (var i = 0; i < links.Count; i++)
        {
            if (b.Length == 0 ? links[i].Name == a : (links[i].A == a && links[i].B == b) || (links[i].A == b && links[i].B == a))
            {
                return i;
            }
        }

        var node = b.Length == 0 ? -1 : fork.Model.IndexOf(a);
        return node >= 0 && ResolvePeer(fork.Model.Nodes[node], b) is { } session ? session.LinkIndex : -1;
    }

    private bool Valid(int index, string at, double? holdTimeMs)
    {
        if (holdTimeMs is { } hold && (double.IsNaN(hold) || hold < 0 || hold > WhatIfLimits.MaxHoldTimeMs))
        {
            Error(index, string.Create(CultureInfo.InvariantCulture, $"{at}.params.holdTimeMs: {hold} is out of range 0..{WhatIfLimits.MaxHoldTimeMs}"));
            return false;
        }

        return true;
    }

    internal static TwinSession? ResolvePeer(TwinNode node, string peer) =>
        node.Sessions.FirstOrDefault(s => s.PeerId == peer) ?? node.Sessions.FirstOrDefault(s => s.Peer.Address.ToString() == peer);

    private bool NodeExists(int index, string id, string field)
    {
        if (fork.Model.IndexOf(id) >= 0)
        {
            return true;
        }

        Error(index, $"{field}: '{id}' is not a node of topology '{fork.Model.Topology.Name}'");
        return false;
    }

    private bool IspExists(int index, string id, string field)
    {
        var topology = fork.Model.Topology;
        if (topology.Isp(id) is not null)
        {
            return true;
        }

        Error(index, $"{field}: '{id}' is not an ISP of topology '{topology.Name}' (ISPs: {string.Join(", ", topology.Isps.Select(i => i.Id))})");
        return false;
    }
}
