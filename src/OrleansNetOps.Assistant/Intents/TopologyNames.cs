using System.Globalization;
using System.Net;
using System.Text;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Assistant.Intents;

/// <summary>
/// Every way a sentence may name a node of the topology: ids, hostnames, "provider A" for an ISP, AS numbers, router-ids
/// and session addresses. Names are compared squashed (letters and digits only, digit runs without leading zeros), so
/// "edge router 1", "Edge-Router-01" and "edge_router_01" are one name.
/// </summary>
internal sealed class TopologyNames
{
    private readonly Dictionary<string, EntityRef> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntityRef> _byAddress = new(StringComparer.Ordinal);

    public TopologyNames(NetworkTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        Topology = topology;
        foreach (var router in topology.Routers)
        {
            var entity = new EntityRef(router.Id, IsRouter: true);
            Add(router.Id, entity);
            Add(router.Hostname, entity);
            Add(router.Hostname.Split('.')[0], entity);
            _byAddress[router.RouterId.ToString()] = entity;

            // "router 2" for R2, when ids are a letter and a number.
            if (router.Id.Length > 1 && char.IsLetter(router.Id[0]) && router.Id[1..].All(char.IsAsciiDigit))
            {
                Add("router" + router.Id[1..], entity);
            }
        }

        foreach (var isp in topology.Isps)
        {
            var entity = new EntityRef(isp.Id, IsRouter: false);
            Add(isp.Id, entity);
            Add("as" + isp.Asn.ToString(CultureInfo.InvariantCulture), entity);
            Add("asn" + isp.Asn.ToString(CultureInfo.InvariantCulture), entity);
            _byAddress[isp.RouterId.ToString()] = entity;

            // "ISP-A" is also "provider A", "transit A", "upstream A", "carrier A".
            var dash = isp.Id.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && dash < isp.Id.Length - 1)
            {
                var tail = isp.Id[(dash + 1)..];
                foreach (var word in new[] { "provider", "transit", "upstream", "carrier", "isp" })
                {
                    Add(word + tail, entity);
                }
            }
        }

        foreach (var link in topology.Links)
        {
            // A session address names the node at that end; when that node is an ISP, the router at the other end is implied.
            var aIsRouter = topology.Router(link.A) is not null;
            var bIsRouter = topology.Router(link.B) is not null;
            _byAddress[link.AAddress.ToString()] = new EntityRef(link.A, aIsRouter, bIsRouter && !aIsRouter ? link.B : null);
            _byAddress[link.BAddress.ToString()] = new EntityRef(link.B, bIsRouter, aIsRouter && !bIsRouter ? link.A : null);
        }

        LongestName = _byName.Keys.Max(k => k.Length);
    }

    public NetworkTopology Topology { get; }

    /// <summary>Length of the longest squashed name (bounds the spans worth trying).</summary>
    public int LongestName { get; }

    /// <summary>The node a squashed span names.</summary>
    public EntityRef? ByName(string squashed) => _byName.GetValueOrDefault(squashed);

    /// <summary>The node an address belongs to.</summary>
    public EntityRef? ByAddress(IPAddress address) => _byAddress.GetValueOrDefault(address.ToString());

    /// <summary>Letters and digits only, lower case, digit runs without leading zeros.</summary>
    public static string Squash(string text)
    {
        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                var digits = text[start..i].TrimStart('0');
                builder.Append(digits.Length == 0 ? "0" : digits);
                continue;
            }

            if (char.IsLetter(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }

            i++;
        }

        return builder.ToString();
    }

    private void Add(string name, EntityRef entity)
    {
        var key = Squash(name);
        if (key.Length > 0)
        {
            _byName.TryAdd(key, entity);
        }
    }
}
