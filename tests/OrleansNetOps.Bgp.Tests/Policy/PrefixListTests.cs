using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Tests.Policy;

/// <summary>Prefix-list semantics as FRR documents them: exact match without ge/le, ranges with them, first match wins, implicit deny.</summary>
public sealed class PrefixListTests
{
    private static IpPrefix P(string text) => IpPrefix.Parse(text);

    [Theory]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("10.1.0.0/16", false)]
    [InlineData("11.0.0.0/8", false)]
    public void Without_ge_or_le_only_the_exact_prefix_matches(string candidate, bool expected) =>
        Assert.Equal(expected, new PrefixListEntry(5, AccessAction.Permit, P("10.0.0.0/8")).Matches(P(candidate)));

    [Theory]
    [InlineData("10.0.0.0/8", false)]
    [InlineData("10.1.0.0/16", true)]
    [InlineData("10.1.1.0/24", true)]
    [InlineData("10.1.1.128/25", false)]
    public void Ge_and_le_bound_the_length(string candidate, bool expected) =>
        Assert.Equal(expected, new PrefixListEntry(5, AccessAction.Permit, P("10.0.0.0/8"), 16, 24).Matches(P(candidate)));

    [Theory]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("10.1.0.0/16", true)]
    [InlineData("10.1.0.0/17", false)]
    public void Le_alone_starts_at_the_prefix_length(string candidate, bool expected) =>
        Assert.Equal(expected, new PrefixListEntry(5, AccessAction.Permit, P("10.0.0.0/8"), LessEqual: 16).Matches(P(candidate)));

    [Theory]
    [InlineData("10.0.0.0/23", false)]
    [InlineData("10.0.0.0/24", true)]
    [InlineData("10.0.0.1/32", true)]
    public void Ge_alone_runs_to_the_family_maximum(string candidate, bool expected) =>
        Assert.Equal(expected, new PrefixListEntry(5, AccessAction.Permit, P("10.0.0.0/8"), GreaterEqual: 24).Matches(P(candidate)));

    [Fact]
    public void First_matching_entry_by_sequence_wins_and_no_match_denies()
    {
        var list = new PrefixList("L", false,
        [
            new PrefixListEntry(20, AccessAction.Permit, P("10.0.0.0/8"), LessEqual: 32),
            new PrefixListEntry(10, AccessAction.Deny, P("10.1.0.0/16")),
        ]);
        Assert.Equal(AccessAction.Deny, list.Evaluate(P("10.1.0.0/16")));
        Assert.Equal(AccessAction.Permit, list.Evaluate(P("10.2.0.0/16")));
        Assert.Equal(AccessAction.Deny, list.Evaluate(P("192.0.2.0/24")));
    }

    [Fact]
    public void Any_is_zero_slash_zero_le_max()
    {
        var list = new PrefixList("ANY", false, [new PrefixListEntry(5, AccessAction.Permit, P("0.0.0.0/0"), LessEqual: 32)]);
        Assert.True(list.Permits(P("203.0.113.0/24")));
        Assert.True(list.Permits(P("0.0.0.0/0")));
    }

    [Fact]
    public void An_empty_defined_list_permits_everything()
    {
        Assert.True(new PrefixList("EMPTY", false, []).Permits(P("192.0.2.0/24")));
    }

    [Fact]
    public void Ipv6_list_does_not_match_ipv4_routes()
    {
        var list = new PrefixList("V6", true, [new PrefixListEntry(5, AccessAction.Permit, P("::/0"), LessEqual: 128)]);
        Assert.True(list.Permits(P("2001:db8::/32")));
        Assert.False(list.Permits(P("192.0.2.0/24")));
    }
}
