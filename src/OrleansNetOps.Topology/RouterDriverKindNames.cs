namespace OrleansNetOps.Topology;

/// <summary>The names driver kinds have in topology.yaml and in audit records — one list for both.</summary>
public static class RouterDriverKindNames
{
    private static readonly NameTable<RouterDriverKind> s_names = new(
        ("frr", RouterDriverKind.Frr),
        ("dry-run", RouterDriverKind.DryRun),
        ("simulated", RouterDriverKind.Simulated));

    /// <summary>Every name, in documentation order.</summary>
    public static IEnumerable<string> All => s_names.All;

    /// <summary>The name of a kind.</summary>
    public static string Name(RouterDriverKind kind) => s_names.Name(kind);

    /// <summary>Reads a kind name, case-insensitively.</summary>
    public static bool TryParse(string name, out RouterDriverKind kind) => s_names.TryParse(name, out kind);
}
