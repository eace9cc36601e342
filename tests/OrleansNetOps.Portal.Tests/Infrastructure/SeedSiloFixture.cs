namespace OrleansNetOps.Portal.Tests.Infrastructure;

/// <summary>One silo on the embedded default (seed topology, auth.mode none, simulated network every 3 s) per test class.</summary>
public sealed class SeedSiloFixture : IAsyncLifetime
{
    public PortalSilo Silo { get; private set; } = null!;

    public async Task InitializeAsync() => Silo = await PortalSilo.StartAsync(simulationStepSeconds: 3);

    public async Task DisposeAsync() => await Silo.DisposeAsync();
}
