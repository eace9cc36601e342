using OrleansNetOps.Bgp.Prefixes;
using OrleansNetOps.Configuration;
using OrleansNetOps.Silo.Analysis;
using OrleansNetOps.Silo.Configuration;

namespace OrleansNetOps.Silo.Tests.Analysis;

/// <summary>The <c>analysis</c> section: the AS-relationship file and our own prefixes for the route detectors.</summary>
public sealed class AnalysisConfigTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Fact]
    public void Prefixes_and_the_relationship_file_are_read_and_a_relative_file_is_taken_from_the_configuration_folder()
    {
        var config = SiloConfigLoader.Parse("analysis:\n  routeDetectors: true\n  asRelationshipsFile: as-rel.txt\n  ownPrefixes: [198.51.100.0/24, \"2001:db8::/32\"]\n  maxTrackedPrefixes: 1000\n", "silo.yaml", NoEnvironment);

        Assert.Equal(new[] { IpPrefix.Parse("198.51.100.0/24"), IpPrefix.Parse("2001:db8::/32") }, config.Analysis.OwnPrefixes.AsEnumerable());
        Assert.Equal(1000, config.Analysis.MaxTrackedPrefixes);
        Assert.True(config.Analysis.RouteDetectors);
        Assert.False(new AnalysisConfig().RouteDetectors);
        Assert.Equal(Path.Combine("/etc/netops", "as-rel.txt"), config.Analysis.RelativeTo("/etc/netops/silo.yaml").AsRelationshipsFile);
        Assert.Equal("/srv/rel.txt", (config.Analysis with { AsRelationshipsFile = "/srv/rel.txt" }).RelativeTo("/etc/netops/silo.yaml").AsRelationshipsFile);
    }

    [Fact]
    public void A_bad_prefix_or_an_empty_file_name_is_named_with_its_line_and_field()
    {
        var error = Assert.Throws<ConfigException>(() => SiloConfigLoader.Parse(
            "analysis:\n  asRelationshipsFile: \"\"\n  ownPrefixes:\n    - 198.51.100.0/24\n    - 198.51.100.300/24\n    - 10.0.0.1\n", "silo.yaml", NoEnvironment));

        Assert.Contains(error.Errors, e => e.Location == "silo.yaml:2:24" && e.Path == "analysis.asRelationshipsFile" && e.Message.Contains("empty", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Location == "silo.yaml:5:7" && e.Path == "analysis.ownPrefixes[1]" && e.Message.Contains("198.51.100.300/24", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Location == "silo.yaml:6:7" && e.Path == "analysis.ownPrefixes[2]");
    }

    [Fact]
    public void The_relationship_file_is_loaded_at_startup_and_a_malformed_line_stops_it_naming_file_and_line()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("netops-asrel-").FullName, "as-rel.txt");
        try
        {
            File.WriteAllText(file, "# source: test\n3356|1234|-1\n174|1234|0\n");
            var analysis = new AnalysisConfig { AsRelationshipsFile = file, OwnPrefixes = [IpPrefix.Parse("198.51.100.0/24")], MaxTrackedPrefixes = 10 };
            var options = AnalysisServices.RouteOptions(analysis, AnalysisServices.Relationships(analysis), 65001);
            Assert.Equal(2, options.Relationships.PairCount);
            Assert.True(options.OwnPrefixes.TryGetOrigins(IpPrefix.Parse("198.51.100.0/24"), out var origins));
            Assert.Equal(new[] { 65001u }, origins.AsEnumerable());
            Assert.Equal(10, options.Origins.MaxPrefixes);

            File.WriteAllText(file, "3356|1234|-1\n3356|x|-1\n");
            var error = Assert.Throws<ConfigException>(() => AnalysisServices.Relationships(new AnalysisConfig { AsRelationshipsFile = file }));
            var only = Assert.Single(error.Errors);
            Assert.Equal("analysis.asRelationshipsFile", only.Path);
            Assert.Contains(file + ":2:", only.Message, StringComparison.Ordinal);

            var missing = Assert.Throws<ConfigException>(() => AnalysisServices.Relationships(new AnalysisConfig { AsRelationshipsFile = file + ".missing" }));
            Assert.Contains("cannot read", Assert.Single(missing.Errors).Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }
}
