using System.Net;
using System.Net.Sockets;

namespace OrleansNetOps.Collectors;

/// <summary>
/// Binds listener sockets exclusively: one address and port, one listener. .NET's <c>ReuseAddress</c> sets
/// SO_REUSEPORT as well on Linux, which lets a second process bind the same port and the kernel spread routers over
/// both; only SO_REUSEADDR is set here (so a restart is not refused while old connections linger in TIME_WAIT), and
/// Windows gets <c>ExclusiveAddressUse</c>. A taken port fails with <see cref="ListenerInUseException"/> naming it.
/// </summary>
internal static class ListenerSockets
{
    private const int SolSocket = 1;
    private const int SoReuseAddr = 2;

    /// <summary>A TCP socket bound to <paramref name="endpoint"/> and listening.</summary>
    public static Socket ListenTcp(IPEndPoint endpoint, string listener, int backlog = 128)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (OperatingSystem.IsWindows())
            {
                socket.ExclusiveAddressUse = true;
            }
            else if (OperatingSystem.IsLinux())
            {
                socket.SetRawSocketOption(SolSocket, SoReuseAddr, BitConverter.GetBytes(1));
            }

            Bind(socket, endpoint, listener, "tcp");
            socket.Listen(backlog);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>A UDP socket bound to <paramref name="endpoint"/> (no address sharing at all).</summary>
    public static Socket BindUdp(IPEndPoint endpoint, string listener)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (OperatingSystem.IsWindows())
            {
                socket.ExclusiveAddressUse = true;
            }

            // A burst of exporters must not be dropped by a small default kernel buffer while we are busy.
            socket.ReceiveBufferSize = 4 * 1024 * 1024;
            Bind(socket, endpoint, listener, "udp");
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static void Bind(Socket socket, IPEndPoint endpoint, string listener, string transport)
    {
        try
        {
            socket.Bind(endpoint);
        }
        catch (SocketException exception)
        {
            throw new ListenerInUseException(listener, transport, endpoint, exception);
        }
    }
}
