namespace OrleansNetOps.Silo.Api;

/// <summary>One silo in <see cref="RuntimeStatusResponse"/>.</summary>
/// <param name="Address">Its silo endpoint and generation.</param>
/// <param name="Name">Its name.</param>
/// <param name="Host">The machine it runs on.</param>
/// <param name="Status"><c>active</c>, <c>joining</c>, <c>shuttingdown</c>, <c>dead</c>…</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="Activations">Its grain activations now (null when it is not active).</param>
/// <param name="ActivationsByType">Its activations per grain type.</param>
internal sealed record SiloStatusView(string Address, string Name, string Host, string Status, DateTimeOffset StartedAt, int? Activations,
    IReadOnlyDictionary<string, int> ActivationsByType);
