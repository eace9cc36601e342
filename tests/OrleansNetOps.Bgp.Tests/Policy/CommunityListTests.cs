using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Policy;

namespace OrleansNetOps.Bgp.Tests.Policy;

/// <summary>Standard community and large-community lists, and the community text forms.</summary>
public sealed class CommunityListTests
{
    private static EquatableArray<Community> C(params string[] values) => values.Select(CommunityText.Parse).ToArray();

    [Theory]
    [InlineData("no-export", 0xFFFFFF01u)]
    [InlineData("NO_EXPORT", 0xFFFFFF01u)]
    [InlineData("no-advertise", 0xFFFFFF02u)]
    [InlineData("local-AS", 0xFFFFFF03u)]
    [InlineData("blackhole", 0xFFFF029Au)]
    [InlineData("graceful-shutdown", 0xFFFF0000u)]
    [InlineData("internet", 0u)]
    [InlineData("65000:100", (65000u << 16) | 100u)]
    public void Parses_numeric_and_well_known_forms(string text, uint value) =>
        Assert.Equal(value, CommunityText.Parse(text).Value);

    [Theory]
    [InlineData("65536:1")]
    [InlineData("1:2:3")]
    [InlineData("nonsense")]
    public void Rejects_bad_communities(string text) => Assert.False(CommunityText.TryParse(text, out _));

    [Fact]
    public void Entry_matches_when_the_route_has_all_its_values()
    {
        var list = new CommunityList("CL", [new CommunityListEntry(5, AccessAction.Permit, C("65000:1", "65000:2"))]);
        Assert.True(list.Matches(C("65000:1", "65000:2", "65000:3")));
        Assert.False(list.Matches(C("65000:1")));
    }

    [Fact]
    public void Any_entry_that_matches_decides_so_several_entries_mean_or()
    {
        var list = new CommunityList("CL",
        [
            new CommunityListEntry(5, AccessAction.Deny, C("65000:666")),
            new CommunityListEntry(10, AccessAction.Permit, C("65000:1")),
            new CommunityListEntry(15, AccessAction.Permit, C("no-export")),
        ]);
        Assert.True(list.Matches(C("65000:1")));
        Assert.True(list.Matches(C("no-export")));
        Assert.False(list.Matches(C("65000:1", "65000:666")));
        Assert.False(list.Matches(C("65000:9")));
    }

    [Fact]
    public void Exact_match_requires_the_same_set()
    {
        var list = new CommunityList("CL", [new CommunityListEntry(5, AccessAction.Permit, C("65000:1", "65000:2"))]);
        Assert.True(list.Matches(C("65000:2", "65000:1"), exact: true));
        Assert.False(list.Matches(C("65000:1", "65000:2", "65000:3"), exact: true));
    }

    [Fact]
    public void Internet_matches_every_route()
    {
        var list = new CommunityList("CL", [new CommunityListEntry(5, AccessAction.Permit, C("internet"))]);
        Assert.True(list.Matches(EquatableArray<Community>.Empty));
    }

    [Fact]
    public void Large_community_list_matches_all_values()
    {
        var a = CommunityText.ParseLarge("65000:1:1");
        var b = CommunityText.ParseLarge("65000:1:2");
        var list = new LargeCommunityList("LL", [new LargeCommunityListEntry(5, AccessAction.Permit, new[] { a })]);
        Assert.True(list.Matches(new[] { a, b }));
        Assert.False(list.Matches(new[] { b }));
        Assert.False(list.Matches(new[] { a, b }, exact: true));
    }
}
