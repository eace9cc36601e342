using OrleansNetOps.Configuration;
using OrleansNetOps.Silo.Configuration;

namespace OrleansNetOps.Silo.Tests.Configuration;

/// <summary>The <c>cluster</c> section: identity, ports, the advertised address and membership timing.</summary>
public sealed class ClusterConfigTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    private static SiloConfig Parse(string yaml, Dictionary<string, string?>? environment = null) =>
        SiloConfigLoader.Parse(yaml, "silo.yaml", environment ?? NoEnvironment);

    [Fact]
    public void Defaults_are_tuned_for_a_noc()
    {
        var cluster = Parse("cluster:\n  siloPort: 11111\n").Cluster;
        Assert.Equal("127.0.0.1", cluster.AdvertisedAddress);
        Assert.Equal(1, cluster.Membership.ProbeTimeoutSeconds);
        Assert.Equal(2, cluster.Membership.MaxProbeTimeoutSeconds);
        Assert.Equal(2, cluster.Membership.MissedProbesLimit);
        Assert.Equal(2, cluster.Membership.VotesForDeath);
        Assert.Equal(2, cluster.Membership.IAmAliveSeconds);
        Assert.Equal(3, cluster.Membership.MissedIAmAliveLimit);
        Assert.Equal(10, cluster.Membership.TableRefreshSeconds);
    }

    [Fact]
    public void The_postgres_example_file_states_the_same_membership_timing_as_the_defaults()
    {
        var file = SiloConfigLoader.LoadFile(Infrastructure.RepositoryFiles.SiloConfig("silo.postgres.yaml"), NoEnvironment, "silo.postgres.yaml");
        Assert.Equal(new MembershipConfig(), file.Cluster.Membership);
        Assert.Equal("127.0.0.1", file.Cluster.AdvertisedAddress);
    }

    [Fact]
    public void Every_field_is_read_and_the_environment_overrides_the_address()
    {
        var yaml = """
            cluster:
              clusterId: noc-east
              serviceId: netops
              siloPort: 22222
              gatewayPort: 30000
              advertisedAddress: 10.0.0.5
              membership:
                probeTimeoutSeconds: 1.5
                maxProbeTimeoutSeconds: 3
                missedProbesLimit: 3
                votesForDeath: 1
                iAmAliveSeconds: 5
                missedIAmAliveLimit: 2
                tableRefreshSeconds: 30
            """;
        var cluster = Parse(yaml).Cluster;
        Assert.Equal(("noc-east", 22222, 30000, "10.0.0.5"), (cluster.ClusterId, cluster.SiloPort, cluster.GatewayPort, cluster.AdvertisedAddress));
        Assert.Equal(new MembershipConfig
        {
            ProbeTimeoutSeconds = 1.5, MaxProbeTimeoutSeconds = 3, MissedProbesLimit = 3, VotesForDeath = 1, IAmAliveSeconds = 5, MissedIAmAliveLimit = 2, TableRefreshSeconds = 30,
        }, cluster.Membership);

        var overridden = Parse(yaml, new Dictionary<string, string?> { ["NETOPS__Cluster__AdvertisedAddress"] = "10.0.0.6" });
        Assert.Equal("10.0.0.6", overridden.Cluster.AdvertisedAddress);
    }

    [Theory]
    [InlineData("cluster:\n  advertisedAddress: silo-1.example\n", "silo.yaml:2:22: cluster.advertisedAddress: 'silo-1.example' is not an IP address")]
    [InlineData("cluster:\n  advertisedAddress: 0.0.0.0\n", "silo.yaml:2:22: cluster.advertisedAddress: '0.0.0.0' cannot be reached by other silos")]
    [InlineData("cluster:\n  membership:\n    probeTimeoutSeconds: 0\n", "silo.yaml:3:26: cluster.membership.probeTimeoutSeconds: 0 is out of range (0.1..60)")]
    [InlineData("cluster:\n  membership:\n    missedProbesLimit: 0\n", "silo.yaml:3:24: cluster.membership.missedProbesLimit: 0 is out of range")]
    [InlineData("cluster:\n  membership:\n    probeTimeoutSeconds: 3\n    maxProbeTimeoutSeconds: 2\n", "cluster.membership.maxProbeTimeoutSeconds: must be at least probeTimeoutSeconds (3)")]
    [InlineData("cluster:\n  membership:\n    chatty: true\n", "silo.yaml:3:5: cluster.membership.chatty")]
    [InlineData("cluster:\n  siloPort: 30000\n  gatewayPort: 30000\n", "silo.yaml:3:16: cluster.gatewayPort: port 30000 is also cluster.siloPort")]
    public void Bad_values_are_named_with_their_position(string yaml, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => Parse(yaml));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
