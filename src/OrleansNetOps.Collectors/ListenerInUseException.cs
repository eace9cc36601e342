using System.Net;
using System.Net.Sockets;

namespace OrleansNetOps.Collectors;

/// <summary>A listener could not bind: its address and port are taken (by another instance or another program), or not available here.</summary>
public sealed class ListenerInUseException : IOException
{
    /// <summary>Creates the exception for <paramref name="listener"/> on <paramref name="endpoint"/>.</summary>
    public ListenerInUseException(string listener, string transport, IPEndPoint endpoint, SocketException inner)
        : base(Describe(listener, transport, endpoint, inner), inner)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Listener = listener;
        Transport = transport;
        Endpoint = endpoint;
    }

    /// <summary>The listener (<c>BMP</c>, <c>syslog</c>, …).</summary>
    public string Listener { get; }

    /// <summary><c>tcp</c> or <c>udp</c>.</summary>
    public string Transport { get; }

    /// <summary>The address and port it could not bind.</summary>
    public IPEndPoint Endpoint { get; }

    private static string Describe(string listener, string transport, IPEndPoint endpoint, SocketException inner) =>
        inner.SocketErrorCode == SocketError.AddressAlreadyInUse
            ? $"{listener} listener: {endpoint} ({transport}) is already in use by another process (another OrleansNetOps instance?); stop it or choose another port in silo.yaml (listeners)"
            : $"{listener} listener: cannot bind {endpoint} ({transport}): {inner.Message}";
}
