using System.Net;
using System.Net.Sockets;

namespace OrleansNetOps.Telemetry.Flows;

/// <summary>Longest-prefix-match lookup over a set of prefixes (for example, a router's RIB), one binary trie per family.</summary>
public sealed class PrefixTable
{
    private readonly Node v4 = new();
    private readonly Node v6 = new();

    /// <summary>Creates a table holding the given prefixes.</summary>
    public PrefixTable(IEnumerable<IpPrefix> prefixes)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        foreach (var prefix in prefixes)
        {
            Add(prefix);
        }
    }

    /// <summary>Number of prefixes.</summary>
    public int Count { get; private set; }

    /// <summary>Adds a prefix.</summary>
    public void Add(IpPrefix prefix)
    {
        var bytes = prefix.Network.GetAddressBytes();
        var node = prefix.Network.AddressFamily == AddressFamily.InterNetwork ? v4 : v6;
        for (var bit = 0; bit < prefix.Length; bit++)
        {
            var right = (bytes[bit >> 3] & (0x80 >> (bit & 7))) != 0;
            ref var child = ref right ? ref node.One : ref node.Zero;
            child ??= new Node();
            node = child;
        }

        if (node.Prefix is null)
        {
            Count++;
        }

        node.Prefix = prefix;
    }

    /// <summary>The most specific prefix containing the address.</summary>
    public bool TryMatch(IPAddress address, out IpPrefix prefix)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var count);
        Node? node = address.AddressFamily == AddressFamily.InterNetwork ? v4 : v6;
        IpPrefix? best = null;
        for (var bit = 0; node is not null; bit++)
        {
            best = node.Prefix ?? best;
            if (bit >= count * 8)
            {
                break;
            }

            node = (bytes[bit >> 3] & (0x80 >> (bit & 7))) != 0 ? node.One : node.Zero;
        }

        prefix = best ?? default;
        return best is not null;
    }

    private sealed class Node
    {
        public Node? Zero;
        public Node? One;
        public IpPrefix? Prefix;
    }
}
