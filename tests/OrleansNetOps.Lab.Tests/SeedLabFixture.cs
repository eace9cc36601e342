using System.Globalization;
using OrleansNetOps.Lab.Host;

namespace OrleansNetOps.Lab.Tests;

/// <summary>One seed lab (real bgpd in namespaces) and a BMP collector, shared by a test class, torn down at the end.</summary>
public sealed class SeedLabFixture : IAsyncLifetime
{
    private FrrLab? _lab;

    /// <summary>The BMP station the lab's routers report to.</summary>
    public BmpCollector Collector { get; } = new();

    /// <summary>The running lab.</summary>
    public FrrLab Lab => _lab ?? throw new InvalidOperationException("the lab is not up");

    /// <summary>Time from the first bgpd start to convergence.</summary>
    public TimeSpan ConvergedIn { get; private set; }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Assert.True(HostProcesses.IsRoot, "the lab tests need root (network namespaces, veths, bgpd)");
        Collector.Start();
        var options = new LabOptions(string.Create(CultureInfo.InvariantCulture, $"tseed{Environment.ProcessId}"), Collector.Port);
        _lab = new FrrLab(SeedTopology.Load(), options);
        try
        {
            await _lab.UpAsync(await File.ReadAllTextAsync(SeedTopology.File));
            ConvergedIn = await _lab.WaitUntilConvergedAsync(TimeSpan.FromSeconds(30));
        }
        catch
        {
            await _lab.DownAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_lab is not null)
        {
            await _lab.DownAsync();
        }

        await Collector.DisposeAsync();
    }
}
