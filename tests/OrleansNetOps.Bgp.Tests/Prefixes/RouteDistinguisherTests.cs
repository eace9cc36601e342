using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Tests.Prefixes;

/// <summary>Route distinguishers as the API and pmacct write them.</summary>
public sealed class RouteDistinguisherTests
{
    [Theory]
    [InlineData("65000:100", 0, "65000:100")]
    [InlineData("65000:4294967295", 0, "65000:4294967295")]
    [InlineData("4226809946:12", 2, "4226809946:12")]
    [InlineData("192.0.2.1:7", 1, "192.0.2.1:7")]
    [InlineData("2:4226809946:12", 2, "4226809946:12")]
    [InlineData("0:64496:555", 0, "64496:555")]
    [InlineData("1:192.0.2.1:7", 1, "192.0.2.1:7")]
    [InlineData("2:65000:5", 2, "65000:5")]
    public void Parses_the_api_and_pmacct_notations(string text, ushort type, string shown)
    {
        Assert.True(RouteDistinguisher.TryParse(text, out var rd));
        Assert.Equal(type, rd.Type);
        Assert.Equal(shown, rd.ToString());
    }

    [Fact]
    public void The_wire_value_is_type_administrator_assigned_number()
    {
        Assert.True(RouteDistinguisher.TryParse("4226809946:12", out var rd));
        Assert.Equal(0x0002_FBF0_005A_000CUL, rd.Value);
        Assert.True(RouteDistinguisher.TryParse("192.0.2.1:7", out rd));
        Assert.Equal(0x0001_C000_0201_0007UL, rd.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("65000")]
    [InlineData("1:2:3:4")]
    [InlineData("x:1")]
    [InlineData("4226809946:70000")]
    [InlineData("3:1:1")]
    [InlineData("0:70000:1")]
    [InlineData("1:2001:db8::1:7")]
    [InlineData("-1:5")]
    public void Rejects_what_is_no_distinguisher(string? text) =>
        Assert.False(RouteDistinguisher.TryParse(text, out _));
}
