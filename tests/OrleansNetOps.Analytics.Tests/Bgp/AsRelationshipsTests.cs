using OrleansNetOps.Analytics.Bgp;

namespace OrleansNetOps.Analytics.Tests.Bgp;

public sealed class AsRelationshipsTests
{
    // The head of a CAIDA serial-2 file: comments, then provider|customer|-1 and peer|peer|0, with a source field.
    private const string Caida = """
        # source:topology|BGP|20150801|...
        # format:<provider-as>|<customer-as>|-1
        # format:<peer-as>|<peer-as>|0|<source>
        1|11537|0|bgp
        1|44222|0|bgp
        1|46887|-1|bgp
        3356|6175|-1

        2914|3356|0
        """;

    [Fact]
    public void Caida_lines_read_in_both_directions()
    {
        var relationships = AsRelationships.Parse(new StringReader(Caida), "20150801.as-rel2.txt");

        Assert.Equal(5, relationships.PairCount);
        Assert.Equal(AsRelationship.ProviderOf, relationships.Of(3356, 6175));
        Assert.Equal(AsRelationship.CustomerOf, relationships.Of(6175, 3356));
        Assert.Equal(AsRelationship.PeerOf, relationships.Of(2914, 3356));
        Assert.Equal(AsRelationship.PeerOf, relationships.Of(3356, 2914));
        Assert.Equal(AsRelationship.ProviderOf, relationships.Of(1, 46887));
        Assert.Equal(AsRelationship.Unknown, relationships.Of(1, 3356));
        Assert.True(relationships.IsExplicit(46887, 1));
    }

    [Theory]
    [InlineData("1|2", 1, "expected as1|as2|rel, found 2 field(s)")]
    [InlineData("# c\n1|2|-1\nx|2|0", 3, "as1 'x' is not an AS number")]
    [InlineData("1|2|1", 1, "rel '1' is neither -1")]
    [InlineData("\n\n7|7|0", 3, "AS7 is related to itself")]
    [InlineData("1|4294967296|0", 1, "as2 '4294967296' is not an AS number")]
    public void Malformed_lines_are_refused_with_file_line_and_text(string text, int line, string problem)
    {
        var error = Assert.Throws<FormatException>(() => AsRelationships.Parse(new StringReader(text), "rel.txt"));

        Assert.StartsWith($"rel.txt:{line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tier1_rule_makes_neighbours_of_a_tier1_its_customers_and_leaves_tier1_pairs_unknown()
    {
        var relationships = AsRelationships.Empty.WithTier1([174, 3356]);

        Assert.Equal(AsRelationship.CustomerOf, relationships.Of(45474, 174));
        Assert.Equal(AsRelationship.ProviderOf, relationships.Of(174, 45474));
        Assert.Equal(AsRelationship.Unknown, relationships.Of(174, 3356));
        Assert.Equal(AsRelationship.Unknown, relationships.Of(45474, 17444));
        // An explicit pair wins over the rule.
        Assert.Equal(AsRelationship.PeerOf, relationships.With(174, 45474, AsRelationship.PeerOf).Of(45474, 174));
    }
}
