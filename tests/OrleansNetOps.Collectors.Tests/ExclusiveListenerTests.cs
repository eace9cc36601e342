using System.Net;
using System.Net.Sockets;
using OrleansNetOps.Collectors;
using OrleansNetOps.Collectors.Bmp;

namespace OrleansNetOps.Collectors.Tests;

/// <summary>One address and port, one listener: a second process must not share a collector's port (SO_REUSEPORT).</summary>
public sealed class ExclusiveListenerTests
{
    [Fact]
    public async Task A_second_bmp_collector_on_the_same_port_is_refused_naming_the_address_and_port()
    {
        await using var first = Collector(0);
        await first.StartAsync();
        var port = first.LocalEndpoint!.Port;

        await using var second = Collector(port);
        var refused = await Assert.ThrowsAsync<ListenerInUseException>(() => second.StartAsync());

        Assert.Equal(new IPEndPoint(IPAddress.Loopback, port), refused.Endpoint);
        Assert.Contains($"127.0.0.1:{port} (tcp) is already in use", refused.Message, StringComparison.Ordinal);
        Assert.StartsWith("BMP listener", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listening_collector_keeps_a_socket_that_asks_for_port_sharing_out()
    {
        await using var collector = Collector(0);
        await collector.StartAsync();

        // What another program (or an older build of ours) does: SO_REUSEADDR + SO_REUSEPORT. The kernel only lets it
        // in when every socket on the port asked for sharing, which ours no longer does.
        using var intruder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        intruder.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        var error = Assert.Throws<SocketException>(() => intruder.Bind(new IPEndPoint(IPAddress.Loopback, collector.LocalEndpoint!.Port)));
        Assert.Equal(SocketError.AddressAlreadyInUse, error.SocketErrorCode);
    }

    [Fact]
    public async Task A_stopped_collectors_port_can_be_bound_again_at_once()
    {
        int port;
        await using (var first = Collector(0))
        {
            await first.StartAsync();
            port = first.LocalEndpoint!.Port;
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
        }

        await using var again = Collector(port);
        await again.StartAsync();
        Assert.Equal(port, again.LocalEndpoint!.Port);
    }

    private static BmpCollector Collector(int port) =>
        new(new BmpCollectorOptions { Endpoint = new IPEndPoint(IPAddress.Loopback, port) }, new RecordingSink(), new ListLogger<BmpCollector>());
}
