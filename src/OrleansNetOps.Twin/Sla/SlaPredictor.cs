using OrleansNetOps.Twin.Checks;
using OrleansNetOps.Twin.Engine;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Twin.Sla;

/// <summary>
/// Per-ISP outbound load from per-prefix volumes (inbound ones, towards our own prefixes, are the
/// <see cref="Inbound.InboundPredictor"/>'s): each volume leaves through the ISP its forwarding chain ends at, from its
/// source router (or spread evenly over the routers that originate prefixes). Utilisation is bits/s over capacity;
/// predicted loss is the measured loss plus, when utilisation exceeds 1, the share that cannot fit (1 − 1/u).
/// </summary>
internal static class SlaPredictor
{
    public static (PredictedSla Sla, double LostByChange) Predict(TwinState before, TwinState after, WhatIfOptions options, ConvergenceEstimate convergence)
    {
        var topology = after.Model.Topology;
        var ours = new[] { before, after }.SelectMany(s => s.Model.Nodes.Where(n => n.IsOurs).SelectMany(n => s.OriginatedBy(n.Index).Select(s.PrefixAt))).Distinct().ToList();
        var outbound = options.Traffic.Where(v => !ours.Any(o => o.Contains(v.Prefix))).ToList();
        var (loadBefore, lostBefore) = Load(before, outbound);
        var (loadAfter, lostAfter) = Load(after, outbound);
        var perIsp = new List<IspPrediction>();
        var breaches = new List<string>();
        foreach (var isp in topology.Isps)
        {
            var measured = options.Measurements.FirstOrDefault(m => m.Isp == isp.Id);
            var latency = measured?.LatencyMs ?? isp.LatencyMs;
            var capacity = isp.CapacityGbps * 1e9;
            var bytesBefore = loadBefore.GetValueOrDefault(isp.Id);
            var bytesAfter = loadAfter.GetValueOrDefault(isp.Id);
            var utilisationBefore = capacity > 0 ? bytesBefore * 8 / capacity : 0;
            var utilisationAfter = capacity > 0 ? bytesAfter * 8 / capacity : 0;
            var loss = (measured?.LossPct ?? 0) + (utilisationAfter > 1 ? (1 - (1 / utilisationAfter)) * 100 : 0);
            perIsp.Add(new IspPrediction(isp.Id, utilisationBefore, utilisationAfter, latency, loss,
                bytesBefore * 3600 / 1e9 * isp.CostPerGb, bytesAfter * 3600 / 1e9 * isp.CostPerGb));

            // An ISP that carries nothing after the change cannot breach; with no traffic data every ISP is judged.
            var carries = outbound.Count == 0 || bytesAfter > 0;
            if (carries && latency > options.Guardrails.SlaLatencyMs)
            {
                breaches.Add($"{isp.Id}: latency {latency:0.##} ms > {options.Guardrails.SlaLatencyMs:0.##} ms");
            }

            if (carries && loss > options.Guardrails.SlaLossPct)
            {
                breaches.Add($"{isp.Id}: loss {loss:0.##} % > {options.Guardrails.SlaLossPct:0.##} %");
            }
        }

        // Traffic that had no way out before (a destination withdrawn, a cut that left it no path) is not the change's doing.
        return (new PredictedSla(perIsp, breaches, convergence), Math.Max(0, lostAfter - lostBefore));
    }

    private static (Dictionary<string, double> Load, double Lost) Load(TwinState state, IReadOnlyList<TrafficVolume> traffic)
    {
        var model = state.Model;
        var sources = model.Topology.Routers.Where(r => r.Originates.Count > 0).Select(r => r.Id).ToList();
        if (sources.Count == 0)
        {
            sources = model.Topology.Routers.Select(r => r.Id).ToList();
        }

        var load = new Dictionary<string, double>(StringComparer.Ordinal);
        var lost = 0.0;
        foreach (var volume in traffic)
        {
            var from = volume.FromRouter is { } router ? [router] : sources;
            var share = volume.BytesPerSecond / from.Count;
            foreach (var source in from)
            {
                var path = ForwardingWalk.From(state, source, volume.Prefix);
                if (path.EgressIsp is { } isp)
                {
                    load[isp] = load.GetValueOrDefault(isp) + share;
                }
                else if (path.End != WalkEnd.Delivered)
                {
                    lost += share;
                }
            }
        }

        return (load, lost);
    }
}
