namespace OrleansNetOps.Topology;

/// <summary>The names router roles have in topology.yaml and in the API — one list for both.</summary>
public static class RouterRoleNames
{
    private static readonly NameTable<RouterRole> s_names = new(
        ("edge", RouterRole.Edge),
        ("route-reflector", RouterRole.RouteReflector),
        ("spine", RouterRole.Spine),
        ("core", RouterRole.Core));

    /// <summary>Every name, in documentation order.</summary>
    public static IEnumerable<string> All => s_names.All;

    /// <summary>The name of a role.</summary>
    public static string Name(RouterRole role) => s_names.Name(role);

    /// <summary>Reads a role name, case-insensitively.</summary>
    public static bool TryParse(string name, out RouterRole role) => s_names.TryParse(name, out role);
}
