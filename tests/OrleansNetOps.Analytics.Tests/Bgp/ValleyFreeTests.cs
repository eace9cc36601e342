using OrleansNetOps.Analytics.Bgp;
using OrleansNetOps.Bgp.Attributes;

namespace OrleansNetOps.Analytics.Tests.Bgp;

public sealed class ValleyFreeTests
{
    // 10 and 20 are providers of 1 and 2; 10 and 20 peer; 30 is a provider of 10 and 20.
    private static readonly AsRelationships Relationships = AsRelationships.Parse(
        new StringReader("10|1|-1\n20|2|-1\n10|20|0\n30|10|-1\n30|20|-1\n10|3|-1\n20|3|-1"), "test");

    [Theory]
    [InlineData(new uint[] { 2, 20, 10, 1 })] // up, across, down
    [InlineData(new uint[] { 2, 20, 30, 10, 1 })] // up, up, down, down
    [InlineData(new uint[] { 30, 10, 1 })] // up, up
    [InlineData(new uint[] { 1, 10, 3 })] // up, down
    [InlineData(new uint[] { 1 })]
    public void Paths_that_climb_cross_once_and_descend_are_valley_free(uint[] path) =>
        Assert.Null(ValleyFree.Check(path, Relationships));

    [Fact]
    public void A_customer_passing_one_providers_route_to_another_is_a_leak()
    {
        // 3 learned 1's route from its provider 10 and gave it to its provider 20.
        var violation = ValleyFree.Check([2, 20, 3, 10, 1], Relationships)!;

        Assert.Equal((3u, 10u, 20u), (violation.Leaker, violation.LearnedFrom, violation.SentTo));
        Assert.Equal((AsRelationship.CustomerOf, AsRelationship.CustomerOf), (violation.FromRole, violation.ToRole));
        Assert.Equal("AS3 passed a route from its provider AS10 to its provider AS20", violation.Describe());
    }

    [Fact]
    public void A_peer_route_passed_up_to_a_provider_is_a_leak()
    {
        // 20 learned from its peer 10 and sent it to its provider 30.
        var violation = ValleyFree.Check([30, 20, 10, 1], Relationships)!;

        Assert.Equal(20u, violation.Leaker);
        Assert.Equal("AS20 passed a route from its peer AS10 to its provider AS30", violation.Describe());
    }

    [Fact]
    public void Hops_of_unknown_relationship_are_stepped_over()
    {
        // 10 sells to 99; nobody knows 99's relation to 3. The descent 10 → 99 and the climb 3 → 20 still show the valley.
        var violation = ValleyFree.Check([20, 3, 99, 10, 1], Relationships.With(10, 99, AsRelationship.ProviderOf))!;

        Assert.Equal((3u, 99u, 20u), (violation.Leaker, violation.LearnedFrom, violation.SentTo));
        Assert.Equal("AS3 passed a route from neighbour AS99 to its provider AS20", violation.Describe());
        // Without the known descent there is nothing to see.
        Assert.Null(ValleyFree.Check([20, 3, 99, 98, 1], Relationships));
    }

    [Fact]
    public void Flattening_collapses_prepends_and_stops_at_an_as_set()
    {
        var path = new AsPath(new AsPathSegment[]
        {
            new(AsPathSegmentType.AsSequence, new uint[] { 8426, 2686, 15776, 100, 100, 100 }),
            new(AsPathSegmentType.AsSet, new uint[] { 7, 8 }),
        });

        Assert.Equal([8426u, 2686, 15776, 100], ValleyFree.Flatten(path));
        Assert.Empty(ValleyFree.Flatten(null));
    }
}
