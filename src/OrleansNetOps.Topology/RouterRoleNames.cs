namespace OrleansNetOps.Topology;

/// <summary>The names router roles have in topology.yaml and in the API — one list for both.</summary>
public static class RouterRoleNames
{
    private static readonly (string Name, RouterRole Role)[] s_names =
    [
        ("edge", RouterRole.Edge),
        ("route-reflector", RouterRole.RouteReflector),
        ("spine", RouterRole.Spine),
        ("core", RouterRole.Core),
    ];

    /// <summary>Every name, in documentation order.</summary>
    public static IEnumerable<string> All => s_names.Select(n => n.Name);

    /// <summary>The name of a role.</summary>
    public static string Name(RouterRole role) => s_names.First(n => n.Role == role).Name;

    /// <summary>Reads a role name, case-insensitively.</summary>
    public static bool TryParse(string name, out RouterRole role)
    {
        foreach (var (candidate, value) in s_names)
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                role = value;
                return true;
            }
        }

        role = default;
        return false;
    }
}
