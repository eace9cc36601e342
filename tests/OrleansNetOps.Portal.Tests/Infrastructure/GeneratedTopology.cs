using System.Globalization;
using System.Text;
using OrleansNetOps.Topology;

namespace OrleansNetOps.Portal.Tests.Infrastructure;

/// <summary>A large topology written as topology.yaml and read by the real loader: edges to three ISPs, one reflector, the rest its clients.</summary>
public static class GeneratedTopology
{
    public static NetworkTopology Routers(int count)
    {
        const int edges = 10;
        var yaml = new StringBuilder("name: generated\nasn: 65001\nrouters:\n");
        for (var i = 1; i <= count; i++)
        {
            var role = i <= edges ? "edge" : i == edges + 1 ? "route-reflector" : "spine";
            var clients = role == "route-reflector"
                ? ", reflectorClients: [" + string.Join(", ", Enumerable.Range(1, count).Where(r => r != i).Select(r => $"R{r}")) + "]"
                : string.Empty;
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{ id: R{i}, role: {role}, routerId: {Address(i)}{clients} }}\n");
        }

        yaml.Append("isps:\n");
        for (var isp = 0; isp < 3; isp++)
        {
            yaml.Append(CultureInfo.InvariantCulture,
                $"  - {{ id: ISP-{(char)('A' + isp)}, asn: {1000 + isp}, routerId: 192.0.2.{isp + 1}, announces: [{{ prefix: 8.8.{isp}.0/24, asPath: [15169] }}] }}\n");
        }

        yaml.Append("links:\n");
        var link = 0;
        for (var i = 1; i <= count; i++)
        {
            var (a, b) = i <= edges ? ($"R{i}", $"ISP-{(char)('A' + (i % 3))}") : i == edges + 1 ? (null, null) : ($"R{edges + 1}", $"R{i}");
            if (a is null)
            {
                continue;
            }

            var network = (10u << 24) + ((uint)link++ << 2);
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{ a: {a}, b: {b}, aAddress: {Dotted(network + 1)}, bAddress: {Dotted(network + 2)}, prefixLength: 30 }}\n");
        }

        for (var i = 1; i <= edges; i++)
        {
            var network = (10u << 24) + ((uint)link++ << 2);
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{ a: R{edges + 1}, b: R{i}, aAddress: {Dotted(network + 1)}, bAddress: {Dotted(network + 2)}, prefixLength: 30 }}\n");
        }

        return TopologyLoader.Parse(yaml.ToString(), "generated.yaml");
    }

    private static string Address(int i) => Dotted((172u << 24) + (16u << 16) + (uint)i);

    private static string Dotted(uint value) => $"{value >> 24}.{(value >> 16) & 255}.{(value >> 8) & 255}.{value & 255}";
}
