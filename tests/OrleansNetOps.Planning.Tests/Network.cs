using OrleansNetOps.Topology;
using OrleansNetOps.Twin.Sla;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Planning.Tests;

/// <summary>The repository's reference topology and what-if results built by hand.</summary>
internal static class Network
{
    public static NetworkTopology Topology { get; } = TopologyLoader.LoadFile(SiloConfig("topology.yaml"));

    public static WhatIfResult WhatIf(bool passed, double prefixShare, IReadOnlyList<IspPrediction>? perIsp = null, IReadOnlyList<string>? breaches = null,
        IReadOnlyList<string>? errors = null) =>
        new(passed, 1, new BlastRadius(prefixShare, null, []), new TwinChecks([], [], passed ? [] : ["198.51.100.0/24"], [], []), [],
            new PredictedSla(perIsp ?? [], breaches ?? [], new ConvergenceEstimate(1, 0, 0)), [], errors ?? (passed ? [] : ["blackhole 198.51.100.0/24"]));

    public static IspPrediction Isp(string isp, double before, double after) => new(isp, before, after, 20, 0.1, 10, 10);

    private static string SiloConfig(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "silo-config", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"silo-config/{name} not found above {AppContext.BaseDirectory}");
    }
}
