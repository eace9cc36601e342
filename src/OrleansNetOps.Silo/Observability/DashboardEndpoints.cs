using Orleans.Dashboard;
using OrleansNetOps.Silo.Auth;

namespace OrleansNetOps.Silo.Observability;

/// <summary>
/// The Orleans Dashboard at <c>/dashboard</c>: silos, activations per grain type, calls, latency, reminders. For
/// admins only: it shows every grain type and method, lets one read a grain's state, and streams the silo's trace.
/// </summary>
internal static class DashboardEndpoints
{
    /// <summary>Where the dashboard is served.</summary>
    public const string Path = "/dashboard";

    /// <summary>Adds the dashboard's grains and its per-silo counters to the silo.</summary>
    public static ISiloBuilder AddNetOpsDashboard(this ISiloBuilder silo) => silo.AddDashboard();

    /// <summary>Maps the dashboard's page and its JSON endpoints under <see cref="Path"/>, behind the admin role.</summary>
    public static void MapNetOpsDashboard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapOrleansDashboard(Path)
            .RequireAuthorization(RolePolicies.Admin)
            .ExcludeFromDescription();
}
