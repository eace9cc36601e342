using System.Globalization;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Decision;
using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Twin.Engine;
using OrleansNetOps.Twin.Sla;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Twin.Inbound;

/// <summary>
/// The ISPs' side of a what-if: each ISP's best path to each of our prefixes (the twin computes the ISPs' BGP like our
/// routers'), and where the inbound traffic to our prefixes enters before and after.
/// <para>
/// Which ISP the Internet sends a prefix's traffic to is decided beyond the twin, so it is modelled as remote networks
/// do by default: they prefer the ISP with the shorter AS path to us. Traffic that flow data says entered through an
/// ISP keeps entering there while that ISP still has a path and its path did not fall further behind the shortest one
/// (prepending toward it, or a shorter path appearing elsewhere, makes it fall behind); otherwise it moves to the ISPs
/// whose path is now shortest, in proportion to what they already carry for the prefix (evenly when they carry
/// nothing). Inside an ISP it enters through the session of the ISP's best path. Volumes without an ISP are split
/// evenly over the ISPs with the shortest path before; without any flow data each of our prefixes weighs the same.
/// </para>
/// </summary>
internal static class InboundPredictor
{
    /// <summary>Inbound shifts by ISP, the ISPs' changed best paths for <see cref="WhatIfResult.Changes"/>, and caveats.</summary>
    public static (List<InboundShift> Shifts, List<BestPathChange> Changes) Predict(TwinState before, TwinState after, IReadOnlyList<int> own,
        WhatIfOptions options, List<string> warnings)
    {
        var model = after.Model;
        var isps = model.Nodes.Where(n => !n.IsOurs).ToList();
        var volumes = Volumes(after, own, options.Traffic);
        var hasFlows = volumes.Count > 0;
        var total = hasFlows ? volumes.Values.Sum(v => v.Sum(e => e.Bytes)) : own.Count;
        var ispBefore = new double[model.Nodes.Count];
        var ispAfter = new double[model.Nodes.Count];
        var linkBefore = new Dictionary<string, double>(StringComparer.Ordinal);
        var linkAfter = new Dictionary<string, double>(StringComparer.Ordinal);
        var paths = isps.ToDictionary(i => i.Index, _ => new List<IspBestPath>());
        var changes = new List<BestPathChange>();
        double lost = 0, hijacked = 0;
        var reported = 0;
        foreach (var q in own)
        {
            var prefix = after.PrefixAt(q);
            var old = new CandidatePath?[model.Nodes.Count];
            var now = new CandidatePath?[model.Nodes.Count];
            foreach (var isp in isps)
            {
                old[isp.Index] = q < before.PrefixCount ? before.BestAt(isp.Index, q) : null;
                now[isp.Index] = after.BestAt(isp.Index, q);
                var entry = new IspBestPath(prefix.ToString(), Entry(before, isp.Index, prefix, old[isp.Index]), Entry(after, isp.Index, prefix, now[isp.Index]));
                if (reported++ < options.MaxReportedChanges)
                {
                    paths[isp.Index].Add(entry);
                }

                if (entry.Changed)
                {
                    changes.Add(new BestPathChange(isp.Id, prefix.ToString(), entry.Before?.Route, entry.After?.Route));
                }
            }

            // Where the prefix's traffic enters before: measured per ISP, else split over the shortest paths.
            var carried = new double[model.Nodes.Count];
            var entries = hasFlows ? volumes.GetValueOrDefault(q) ?? [] : [(1.0, (string?)null)];
            foreach (var (bytes, via) in entries)
            {
                var targets = Carriers(model, isps, old, via);
                if (targets.Count == 0)
                {
                    lost += bytes;
                    continue;
                }

                targets.ForEach(t => carried[t] += bytes / targets.Count);
            }

            var gapBefore = Gaps(isps, old);
            var gapAfter = Gaps(isps, now);
            var shortest = isps.Where(i => gapAfter[i.Index] == 0).Select(i => i.Index).ToList();
            var moved = 0.0;
            var kept = new double[model.Nodes.Count];
            foreach (var isp in isps)
            {
                var i = isp.Index;
                if (carried[i] == 0)
                {
                    continue;
                }

                Credit(model, i, old[i], carried[i], ispBefore, linkBefore);
                if (now[i] is not null && gapAfter[i] <= gapBefore[i])
                {
                    kept[i] = carried[i];
                }
                else
                {
                    moved += carried[i];
                }
            }

            if (moved > 0 && shortest.Count == 0)
            {
                lost += moved;
                moved = 0;
            }

            var weight = shortest.Sum(i => kept[i]);
            foreach (var isp in isps)
            {
                var i = isp.Index;
                var share = kept[i] + (shortest.Contains(i) ? moved * (weight > 0 ? kept[i] / weight : 1.0 / shortest.Count) : 0);
                if (share > 0)
                {
                    Credit(model, i, now[i], share, ispAfter, linkAfter);
                    if (now[i]!.Peer.Type == PeerType.Local)
                    {
                        hijacked += share;
                    }
                }
            }
        }

        if (reported > options.MaxReportedChanges)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{reported} ISP best paths to our prefixes; the first {options.MaxReportedChanges} are listed"));
        }

        string Amount(double x) => hasFlows ? string.Create(CultureInfo.InvariantCulture, $"{x:0} B/s") : string.Create(CultureInfo.InvariantCulture, $"{x / Math.Max(1, total) * 100:0.#} %");
        if (lost > 0)
        {
            warnings.Add($"{Amount(lost)} of the inbound traffic to our prefixes has no way in after the change");
        }

        if (hijacked > 0)
        {
            warnings.Add($"{Amount(hijacked)} of the inbound traffic to our prefixes goes to an ISP that originates them itself and never reaches us");
        }

        var shifts = isps.Select(isp =>
        {
            var links = isp.Sessions.Where(s => model.Nodes[s.PeerNode].IsOurs).Select(s =>
            {
                var name = model.Topology.Links[s.LinkIndex].Name;
                var b = linkBefore.GetValueOrDefault(name);
                var a = linkAfter.GetValueOrDefault(name);
                return new InboundLink(s.PeerId, name, Share(b, total), Share(a, total), hasFlows ? b : null, hasFlows ? a : null);
            }).ToList();
            return new InboundShift(isp.Id, Share(ispBefore[isp.Index], total), Share(ispAfter[isp.Index], total),
                hasFlows ? ispBefore[isp.Index] : null, hasFlows ? ispAfter[isp.Index] : null, links, paths[isp.Index]);
        }).ToList();
        return (shifts, changes);
    }

    /// <summary>
    /// The ISPs expected to carry a prefix's inbound traffic when nothing says which: those whose path to it is the
    /// shortest AS path among the ISPs that hold one (what a remote network prefers).
    /// </summary>
    public static List<int> Shortest(TwinState state, int prefix)
    {
        var isps = state.Model.Nodes.Where(n => !n.IsOurs).ToList();
        var best = new CandidatePath?[state.Model.Nodes.Count];
        isps.ForEach(i => best[i.Index] = state.BestAt(i.Index, prefix));
        var gaps = Gaps(isps, best);
        return isps.Where(i => gaps[i.Index] == 0).Select(i => i.Index).ToList();
    }

    // Which ISPs carried a volume before: the one it names, the ones entering at the router it names, else the shortest.
    private static List<int> Carriers(Model.TwinModel model, List<Model.TwinNode> isps, CandidatePath?[] best, string? via)
    {
        if (via is not null && model.IndexOf(via) is var named and >= 0)
        {
            if (!model.Nodes[named].IsOurs)
            {
                return [named];
            }

            var atRouter = isps.Where(i => best[i.Index] is { } path && model.NodeWithAddress(path.Peer.Address)?.Index == named).Select(i => i.Index).ToList();
            if (atRouter.Count > 0)
            {
                return atRouter;
            }
        }

        var gaps = Gaps(isps, best);
        return isps.Where(i => gaps[i.Index] == 0).Select(i => i.Index).ToList();
    }

    // How many ASes longer than the shortest each ISP's path is (int.MaxValue without a path).
    private static int[] Gaps(List<Model.TwinNode> isps, CandidatePath?[] best)
    {
        var gaps = new int[best.Length];
        Array.Fill(gaps, int.MaxValue);
        var lengths = isps.Where(i => best[i.Index] is not null).Select(i => (i.Index, Length: (best[i.Index]!.Attributes.EffectiveAsPath ?? AsPath.Empty).PathLength)).ToList();
        if (lengths.Count == 0)
        {
            return gaps;
        }

        var min = lengths.Min(l => l.Length);
        lengths.ForEach(l => gaps[l.Index] = l.Length - min);
        return gaps;
    }

    private static void Credit(Model.TwinModel model, int isp, CandidatePath? path, double amount, double[] perIsp, Dictionary<string, double> perLink)
    {
        perIsp[isp] += amount;
        if (path is not null && Link(model, isp, path) is { } link)
        {
            perLink[link] = perLink.GetValueOrDefault(link) + amount;
        }
    }

    private static string? Link(Model.TwinModel model, int isp, CandidatePath path) =>
        path.Peer.Type == PeerType.Local ? null : model.Nodes[isp].Sessions.FirstOrDefault(s => s.Peer.Address.Equals(path.Peer.Address)) is { } session
            ? model.Topology.Links[session.LinkIndex].Name
            : null;

    private static IspEntry? Entry(TwinState state, int isp, IpPrefix prefix, CandidatePath? path)
    {
        if (path is null)
        {
            return null;
        }

        var route = RibRoute.From(prefix, path, best: true);
        return path.Peer.Type == PeerType.Local
            ? new IspEntry(null, null, route)
            : new IspEntry(state.Model.NodeWithAddress(path.Peer.Address)?.Id, Link(state.Model, isp, path), route);
    }

    private static double Share(double part, double total) => total > 0 ? part / total : 0;

    // Inbound volumes: traffic whose destination lies inside one of our prefixes, by that prefix (the longest that covers it).
    private static Dictionary<int, List<(double Bytes, string? Via)>> Volumes(TwinState state, IReadOnlyList<int> own, IReadOnlyList<TrafficVolume> traffic)
    {
        var result = new Dictionary<int, List<(double, string?)>>();
        if (traffic.Count == 0 || own.Count == 0)
        {
            return result;
        }

        var ownPrefixes = own.Select(id => (Id: id, Prefix: state.PrefixAt(id))).OrderByDescending(o => o.Prefix.Length).ToList();
        foreach (var volume in traffic)
        {
            foreach (var (id, prefix) in ownPrefixes)
            {
                if (prefix.Contains(volume.Prefix))
                {
                    if (!result.TryGetValue(id, out var list))
                    {
                        list = [];
                        result[id] = list;
                    }

                    list.Add((volume.BytesPerSecond, volume.FromRouter));
                    break;
                }
            }
        }

        return result;
    }
}
