using System.Collections.Immutable;
using OrleansNetOps.Analytics.Anomaly;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Silo.Simulation;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Silo.Tests.Incidents;

/// <summary>The demo ramp's utilisation series as the router analyst reads it: every finding up to the first threshold breach.</summary>
internal static class RampFindings
{
    public static ImmutableArray<Finding> UntilBreach(NetworkTopology topology, DateTimeOffset start, int maxSteps = 60)
    {
        var (isp, router) = SimulatedTrafficRamp.Target(topology)!.Value;
        var analyst = new SeriesAnalyst(new MetricSeries(router, $"/probes/isp[name={isp}]/utilisation-pct", MetricKind.UtilisationPercent), new AnomalyScorerOptions());
        var findings = ImmutableArray.CreateBuilder<Finding>();
        var value = SimulatedTrafficRamp.StartPercent;
        var at = start;
        for (var step = 0; step < maxSteps; step++, at += SimulatedTrafficRamp.Step)
        {
            findings.AddRange(analyst.Observe(at, value).Findings);
            if (findings.Any(f => f.Kind == FindingKind.ThresholdBreach))
            {
                return findings.ToImmutable();
            }

            value = SimulatedTrafficRamp.Next(value);
        }

        throw new InvalidOperationException($"the ramp never breached in {maxSteps} steps");
    }
}
