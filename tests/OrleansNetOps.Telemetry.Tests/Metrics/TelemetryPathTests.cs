using OrleansNetOps.Telemetry.Metrics;
using OrleansNetOps.Telemetry.Parsing;

namespace OrleansNetOps.Telemetry.Tests.Metrics;

public sealed class TelemetryPathTests
{
    [Fact]
    public void Interface_counter_path()
    {
        var path = TelemetryPath.Parse("/interfaces/interface[name=eth0]/state/counters/in-octets");

        Assert.Equal(["interfaces", "interface", "state", "counters", "in-octets"], path.Elements.Select(e => e.Name));
        Assert.Equal("eth0", path.Elements[1]["name"]);
        Assert.Equal("eth0", path.Key("name"));
        Assert.Equal("/interfaces/interface/state/counters/in-octets", path.SchemaPath);
        Assert.Equal("/interfaces/interface[name=eth0]/state/counters/in-octets", path.ToString());
    }

    [Theory]
    [InlineData("/system/cpu/utilization", 3)]
    [InlineData("/probes/isp[name=ISP-A]/latency-ms", 3)]
    [InlineData("/probes/isp[name=ISP-A]/loss-pct", 3)]
    public void Api_examples_parse_and_round_trip(string text, int count)
    {
        var path = TelemetryPath.Parse(text);

        Assert.Equal(count, path.Elements.Count);
        Assert.Equal(text, path.ToString());
    }

    [Fact]
    public void Key_values_may_hold_slashes_escapes_and_several_keys()
    {
        var path = TelemetryPath.Parse(@"/network-instances/network-instance[name=default]/protocols/protocol[identifier=BGP][name=bgp 1]/neighbors/neighbor[neighbor-address=Ethernet1/1\]x\\y]/state");

        var protocol = path.Elements[3];
        Assert.Equal(("BGP", "bgp 1"), (protocol["identifier"], protocol["name"]));
        Assert.Equal(@"Ethernet1/1]x\y", path.Elements[5]["neighbor-address"]);
        Assert.Equal(path.ToString(), TelemetryPath.Parse(path.ToString()).ToString());
    }

    [Theory]
    [InlineData("interfaces/x", 0, "start with '/'")]
    [InlineData("/a//b", 3, "empty path element")]
    [InlineData("/a[name]/b", 2, "[name=value]")]
    [InlineData("/a[name=x/b", 2, "not closed")]
    [InlineData("/a[k=v]x", 7, "expected '/'")]
    [InlineData("/a/", 2, "must not end")]
    public void Errors_give_the_character_offset(string text, int offset, string reason)
    {
        var ex = Assert.Throws<TelemetryFormatException>(() => TelemetryPath.Parse(text));

        Assert.Equal(offset, ex.Offset);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }
}
