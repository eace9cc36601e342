using System.Globalization;
using System.Net;
using System.Net.Sockets;
using OrleansNetOps.Lab.Host;

namespace OrleansNetOps.Lab.Tests;

/// <summary>Down leaves nothing behind, also for a lab whose creator is gone, and is idempotent.</summary>
public sealed class LabTeardownTests
{
    [Fact]
    public async Task Down_removes_namespaces_processes_and_state_of_a_lab_it_did_not_start()
    {
        Assert.True(HostProcesses.IsRoot, "the lab tests need root (network namespaces, veths, bgpd)");
        var options = new LabOptions(string.Create(CultureInfo.InvariantCulture, $"tdown{Environment.ProcessId}"), FreePort());
        var lab = new FrrLab(SeedTopology.Load(), options);
        try
        {
            await lab.UpAsync(await File.ReadAllTextAsync(SeedTopology.File));
            Assert.Equal(8, (await LabTeardown.NamespacesAsync(options)).Count);
            Assert.True((await LabTeardown.ProcessesAsync(options)).Count >= 8 + 5 + 1);

            // As after a crash: nothing but the name is known.
            var report = await LabTeardown.RunAsync(new LabOptions(options.Name));
            Assert.NotEmpty(report);

            Assert.Empty(await LabTeardown.NamespacesAsync(options));
            Assert.Empty(HostProcesses.WithArgumentContaining(options.StateDirectory));
            Assert.False(Directory.Exists(options.StateDirectory));
            var ip = await HostCommand.RunCheckedAsync("ip", ["netns", "list"]);
            Assert.DoesNotContain(options.NamespacePrefix, ip, StringComparison.Ordinal);
            Assert.Empty(await LabTeardown.RunAsync(options));
        }
        finally
        {
            await lab.DownAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
