namespace OrleansNetOps.Silo.Api;

/// <summary><c>GET /api/v1/runtime</c>: the cluster as this silo sees it.</summary>
/// <param name="ClusterId">The cluster's id.</param>
/// <param name="ServiceId">The service's id.</param>
/// <param name="Silo">The silo that answered.</param>
/// <param name="Silos">Every silo the membership table knows, with its status and activations.</param>
/// <param name="Activations">Grain activations across the active silos.</param>
internal sealed record RuntimeStatusResponse(string ClusterId, string ServiceId, string Silo, IReadOnlyList<SiloStatusView> Silos, int Activations);
