using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Configuration;

namespace OrleansNetOps.Silo.Analysis;

/// <summary>Reads and checks the <c>analysis</c> section; every problem names its line and field.</summary>
internal static class AnalysisConfigReader
{
    public static AnalysisConfig Read(YamlSection section)
    {
        var defaults = new AnalysisConfig();
        var file = section.String("asRelationshipsFile");
        if (file is { Length: 0 })
        {
            section.Report(section.Value("asRelationshipsFile")!, section.Child("asRelationshipsFile"), "is empty: give a file path or leave the key out");
            file = null;
        }

        var prefixes = new List<IpPrefix>();
        foreach (var (text, node, path) in section.Strings("ownPrefixes") ?? [])
        {
            if (IpPrefix.TryParse(text, out var prefix) && text.Contains('/', StringComparison.Ordinal))
            {
                prefixes.Add(prefix);
            }
            else
            {
                section.Report(node, path, $"'{text}' is not an IP prefix (address/length, e.g. 198.51.100.0/24)");
            }
        }

        var config = new AnalysisConfig
        {
            RouteDetectors = section.Bool("routeDetectors", defaults.RouteDetectors),
            AsRelationshipsFile = file,
            OwnPrefixes = [.. prefixes],
            MaxTrackedPrefixes = section.Int("maxTrackedPrefixes", defaults.MaxTrackedPrefixes, 1, 50_000_000),
        };
        section.Finish();
        return config;
    }
}
