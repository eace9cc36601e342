using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Policy;

namespace OrleansNetOps.Bgp.Tests.Policy;

/// <summary>Cisco/FRR AS-path regular expressions, where <c>_</c> matches a delimiter.</summary>
public sealed class AsPathRegexTests
{
    private static readonly AsPath Path = AsPath.FromSequence(65001, 650, 65002);

    [Theory]
    [InlineData("_650_", true)]
    [InlineData("_65001_", true)]
    [InlineData("^65001_", true)]
    [InlineData("^650_", false)]
    [InlineData("_65002$", true)]
    [InlineData("_6500_", false)]
    [InlineData("^65001 650 65002$", true)]
    [InlineData("^$", false)]
    [InlineData(".*", true)]
    [InlineData("^65001_[0-9]+_65002$", true)]
    public void Underscore_matches_start_end_or_space(string pattern, bool expected) =>
        Assert.Equal(expected, AsPathRegex.IsMatch(pattern, Path));

    [Fact]
    public void Empty_path_matches_caret_dollar()
    {
        Assert.True(AsPathRegex.IsMatch("^$", AsPath.Empty));
        Assert.True(AsPathRegex.IsMatch("^$", null));
    }

    [Fact]
    public void Underscore_matches_set_braces_and_commas()
    {
        var withSet = new AsPath(new[]
        {
            new AsPathSegment(AsPathSegmentType.AsSequence, new uint[] { 65001 }),
            new AsPathSegment(AsPathSegmentType.AsSet, new uint[] { 100, 200 }),
        });
        Assert.True(AsPathRegex.IsMatch("_200_", withSet));
        Assert.True(AsPathRegex.IsMatch("_100_", withSet));
        Assert.False(AsPathRegex.IsMatch("_20_", withSet));
    }

    [Fact]
    public void Invalid_pattern_is_a_format_error() =>
        Assert.Throws<FormatException>(() => AsPathRegex.Get("(65001"));

    [Fact]
    public void Access_list_first_match_decides_and_no_match_denies()
    {
        var list = new AsPathAccessList("AS", [new(10, AccessAction.Deny, "_666_"), new(20, AccessAction.Permit, "^65001_")]);
        Assert.Equal(AccessAction.Permit, list.Evaluate(Path));
        Assert.Equal(AccessAction.Deny, list.Evaluate(AsPath.FromSequence(65001, 666)));
        Assert.Equal(AccessAction.Deny, list.Evaluate(AsPath.FromSequence(65002)));
    }
}
