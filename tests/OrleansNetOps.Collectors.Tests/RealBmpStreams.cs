using System.Net;
using OrleansNetOps.TestSupport;

namespace OrleansNetOps.Collectors.Tests;

/// <summary>Real BMP byte streams reassembled from the pmacct captures: one per exporting router.</summary>
public static class RealBmpStreams
{
    private static readonly Lazy<IReadOnlyDictionary<IPAddress, byte[]>> s_multiSource = new(LoadMultiSource);

    /// <summary>The 208 capture: init, peer up, route monitoring and stats of every source, concatenated per source.</summary>
    public static IReadOnlyDictionary<IPAddress, byte[]> MultiSource => s_multiSource.Value;

    /// <summary>The FRR (6WIND) peer-down capture's BMP stream.</summary>
    public static byte[] Frr() => Single("205-BMP-6wind-FRR-peer_down");

    /// <summary>The Cisco peer-down capture's BMP stream.</summary>
    public static byte[] Cisco() => Single("204-BMP-CISCO-peer_down");

    private static byte[] Single(string folder) =>
        PcapFile.ReadTcpStreams(SharedData.Path("pmacct", folder, "traffic-00.pcap"))
            .Where(s => s.Data.Length > 0)
            .OrderByDescending(s => s.Data.Length)
            .First().Data;

    private static IReadOnlyDictionary<IPAddress, byte[]> LoadMultiSource()
    {
        var parts = new Dictionary<IPAddress, List<byte[]>>();
        foreach (var file in new[] { "init", "peer-up", "route-monitoring", "stats" })
        {
            foreach (var stream in PcapFile.ReadTcpStreams(SharedData.Path("pmacct", "208-BMP-mem-leak-test", $"bmp-multi-sources-{file}.pcap")))
            {
                if (stream.Data.Length == 0 || stream.Data[0] != 3)
                {
                    continue;
                }

                if (!parts.TryGetValue(stream.Source.Address, out var list))
                {
                    parts[stream.Source.Address] = list = [];
                }

                list.Add(stream.Data);
            }
        }

        return parts.ToDictionary(p => p.Key, p => p.Value.SelectMany(b => b).ToArray());
    }
}
