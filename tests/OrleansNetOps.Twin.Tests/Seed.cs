using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Topology;
using OrleansNetOps.Twin.Engine;
using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Twin.Tests;

/// <summary>The repository's seed topology and its converged twin, shared by the tests.</summary>
internal static class Seed
{
    private static readonly Lazy<NetworkTopology> s_topology = new(() => TopologyLoader.LoadFile(File("topology.yaml")));
    private static readonly Lazy<TwinState> s_state = new(() => TwinState.Converge(Topology));

    public static NetworkTopology Topology => s_topology.Value;

    public static TwinState State => s_state.Value;

    public static string File(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "silo-config", name);
            if (System.IO.File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"silo-config/{name} not found above {AppContext.BaseDirectory}");
    }

    public static WhatIfRequest Change(string router, string action, ActionParameters parameters) =>
        new([new CatalogueChange(router, action, parameters)]);

    /// <summary>Every difference between two states' RIBs (all nodes, all prefixes, all paths), empty when equal.</summary>
    public static List<string> Differences(TwinState expected, TwinState actual)
    {
        var result = new List<string>();
        foreach (var prefix in expected.Prefixes.Union(actual.Prefixes).Order())
        {
            foreach (var node in expected.Model.Nodes)
            {
                var a = expected.Paths(node.Id, prefix);
                var b = actual.Paths(node.Id, prefix);
                if (!a.SequenceEqual(b))
                {
                    result.Add($"{node.Id} {prefix}: expected [{string.Join(", ", a.Select(Show))}] got [{string.Join(", ", b.Select(Show))}]");
                }
            }
        }

        return result;
    }

    private static string Show((Bgp.Decision.CandidatePath Path, bool IsBest) p) =>
        $"{(p.IsBest ? "*" : string.Empty)}{p.Path.Peer.Address} nh {p.Path.EffectiveNextHop} [{p.Path.Attributes.EffectiveAsPath}] lp {p.Path.Attributes.LocalPref} med {p.Path.Attributes.MultiExitDisc}";
}
