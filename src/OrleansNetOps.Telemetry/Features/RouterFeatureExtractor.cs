using OrleansNetOps.Telemetry.Metrics;
using OrleansNetOps.Telemetry.TimeSeries;

namespace OrleansNetOps.Telemetry.Features;

/// <summary>Turns a router's series and BGP readings into <see cref="RouterFeatures"/>. Pure.</summary>
public static class RouterFeatureExtractor
{
    /// <summary>Extracts the features.</summary>
    public static RouterFeatures Extract(RouterFeatureInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var isps = new SortedDictionary<string, (List<double> Latency, List<double> Loss)>(StringComparer.Ordinal);
        var interfaces = new SortedDictionary<string, (IReadOnlyList<MetricPoint>? In, IReadOnlyList<MetricPoint>? Out, double? Speed)>(StringComparer.Ordinal);
        double? cpu = null;
        foreach (var (text, points) in input.Series)
        {
            if (points.Count == 0 || !TelemetryPath.TryParse(text, out var path, out _))
            {
                continue;
            }

            switch (path.SchemaPath)
            {
                case "/probes/isp/latency-ms" when path.Key("name") is { } isp:
                    Probe(isps, isp).Latency.AddRange(points.Select(p => p.Value));
                    break;
                case "/probes/isp/loss-pct" when path.Key("name") is { } isp:
                    Probe(isps, isp).Loss.AddRange(points.Select(p => p.Value));
                    break;
                case "/interfaces/interface/state/counters/in-octets" when path.Key("name") is { } name:
                    interfaces[name] = interfaces.GetValueOrDefault(name) with { In = points };
                    break;
                case "/interfaces/interface/state/counters/out-octets" when path.Key("name") is { } name:
                    interfaces[name] = interfaces.GetValueOrDefault(name) with { Out = points };
                    break;
                case "/interfaces/interface/state/high-speed" when path.Key("name") is { } name:
                    // OpenConfig reports high-speed in Mb/s.
                    interfaces[name] = interfaces.GetValueOrDefault(name) with { Speed = points.OrderBy(p => p.Time).Last().Value * 1_000_000 };
                    break;
                case "/system/cpu/utilization":
                    cpu = points.Average(p => p.Value);
                    break;
            }
        }

        var ispFeatures = isps.Select(i => new IspProbeFeatures(
                i.Key, Avg(i.Value.Latency), Max(i.Value.Latency), Avg(i.Value.Loss), Max(i.Value.Loss), i.Value.Latency.Count + i.Value.Loss.Count))
            .ToList();
        var interfaceFeatures = interfaces.Select(i =>
        {
            var inRate = CounterRate(i.Value.In);
            var outRate = CounterRate(i.Value.Out);
            var busiest = Math.Max(inRate ?? 0, outRate ?? 0);
            double? utilisation = i.Value.Speed is > 0 && (inRate ?? outRate) is not null ? busiest / i.Value.Speed : null;
            return new InterfaceFeatures(i.Key, inRate, outRate, i.Value.Speed, utilisation);
        }).ToList();

        double? churn = null, updates = null;
        if (input.Previous is { } previous && input.Current.At > previous.At)
        {
            var elapsed = input.Current.At - previous.At;
            churn = Math.Abs(input.Current.RoutesHeld - previous.RoutesHeld) / elapsed.TotalMinutes;
            // A reset counter (a new BMP session) makes the difference meaningless, not negative.
            updates = input.Current.Messages >= previous.Messages ? (input.Current.Messages - previous.Messages) / elapsed.TotalSeconds : null;
        }

        return new RouterFeatures(input.Router, input.From, input.To, ispFeatures, input.PeersTotal, input.PeersTotal - input.PeersEstablished,
            input.Current.RoutesHeld, churn, updates, interfaceFeatures, cpu);
    }

    private static (List<double> Latency, List<double> Loss) Probe(SortedDictionary<string, (List<double> Latency, List<double> Loss)> isps, string isp)
    {
        if (!isps.TryGetValue(isp, out var probe))
        {
            probe = ([], []);
            isps[isp] = probe;
        }

        return probe;
    }

    private static double? Avg(List<double> values) => values.Count == 0 ? null : values.Average();

    private static double? Max(List<double> values) => values.Count == 0 ? null : values.Max();

    // Mean rate over the window in bits per second, summing only increases: a counter that drops was reset (or wrapped)
    // and the interval across the reset is left out rather than guessed.
    private static double? CounterRate(IReadOnlyList<MetricPoint>? points)
    {
        if (points is null || points.Count < 2)
        {
            return null;
        }

        var ordered = points.OrderBy(p => p.Time).ToList();
        double octets = 0, seconds = 0;
        for (var i = 1; i < ordered.Count; i++)
        {
            var delta = ordered[i].Value - ordered[i - 1].Value;
            var dt = (ordered[i].Time - ordered[i - 1].Time).TotalSeconds;
            if (delta >= 0 && dt > 0)
            {
                octets += delta;
                seconds += dt;
            }
        }

        return seconds > 0 ? octets * 8 / seconds : null;
    }
}
