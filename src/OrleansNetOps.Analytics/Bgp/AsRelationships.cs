using System.Collections.Frozen;
using System.Globalization;

namespace OrleansNetOps.Analytics.Bgp;

/// <summary>
/// Business relationships between ASes, for valley-free checks: explicit pairs (CAIDA's <c>as1|as2|rel</c> files, our
/// own ISPs from topology.yaml) and, optionally, the Tier-1 rule for pairs nobody listed: Tier-1 networks buy transit
/// from nobody, so any other AS next to a Tier-1 is its customer. Two Tier-1s are left unknown rather than assumed
/// peers: a Tier-1 list is only ever roughly right for a given year, and calling every Tier-1–Tier-1–Tier-1 path a
/// peer-to-peer leak turns each misfiled member into hundreds of false leaks. Immutable.
/// </summary>
public sealed class AsRelationships
{
    /// <summary>
    /// Transit-free networks of the 2007–2015 era the shared MRT files come from (Level 3 twice, AT&amp;T, Verizon/UUNET,
    /// Sprint, Cogent, NTT, Tata, Telia, GTT/Tinet, Global Crossing, Qwest, Savvis, XO, Zayo/AboveNet, Telecom Italia
    /// Sparkle, Deutsche Telekom, Orange, Telefónica, Liberty Global). A heuristic for data without a relationship file,
    /// not a truth: the clique changes over the years.
    /// </summary>
    public static FrozenSet<uint> WellKnownTier1 { get; } =
        new uint[] { 174, 209, 286, 701, 1239, 1299, 2828, 2914, 3257, 3320, 3356, 3549, 3561, 5511, 6453, 6461, 6762, 6830, 7018, 12956 }.ToFrozenSet();

    private readonly FrozenDictionary<ulong, AsRelationship> _pairs;
    private readonly FrozenSet<uint> _tier1;

    private AsRelationships(FrozenDictionary<ulong, AsRelationship> pairs, FrozenSet<uint> tier1)
    {
        _pairs = pairs;
        _tier1 = tier1;
    }

    /// <summary>No relationships known.</summary>
    public static AsRelationships Empty { get; } = new(FrozenDictionary<ulong, AsRelationship>.Empty, FrozenSet<uint>.Empty);

    /// <summary>How many explicit pairs are known (each counted once).</summary>
    public int PairCount => _pairs.Count / 2;

    /// <summary>The Tier-1 set the Tier-1 rule uses (empty when it is off).</summary>
    public IReadOnlySet<uint> Tier1 => _tier1;

    /// <summary>
    /// Reads CAIDA's AS-relationship format: one <c>as1|as2|rel</c> per line (a fourth <c>|source</c> field, as in the
    /// serial-2 files, is allowed and ignored); <c>-1</c> means as1 is a provider of as2, <c>0</c> that they are peers;
    /// lines starting with <c>#</c> and blank lines are skipped.
    /// </summary>
    /// <param name="reader">The text.</param>
    /// <param name="source">A name for the text in error messages (e.g. the file name).</param>
    /// <exception cref="FormatException">A line is malformed; the message names the source, the line number and the line.</exception>
    public static AsRelationships Parse(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var pairs = new Dictionary<ulong, AsRelationship>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var text = line.Trim();
            if (text.Length == 0 || text[0] == '#')
            {
                continue;
            }

            var fields = text.Split('|');
            if (fields.Length is < 3 or > 4)
            {
                throw Malformed(source, lineNumber, line, $"expected as1|as2|rel, found {fields.Length} field(s)");
            }

            var a = Asn(fields[0], source, lineNumber, line, "as1");
            var b = Asn(fields[1], source, lineNumber, line, "as2");
            if (a == b)
            {
                throw Malformed(source, lineNumber, line, $"AS{a} is related to itself");
            }

            var relationship = fields[2].Trim() switch
            {
                "-1" => AsRelationship.ProviderOf,
                "0" => AsRelationship.PeerOf,
                var other => throw Malformed(source, lineNumber, line, $"rel '{other}' is neither -1 (as1 is the provider of as2) nor 0 (peers)"),
            };
            Set(pairs, a, b, relationship);
        }

        return new AsRelationships(pairs.ToFrozenDictionary(), FrozenSet<uint>.Empty);
    }

    /// <summary>A copy that also knows <paramref name="first"/> stands in <paramref name="relationship"/> to <paramref name="second"/> (overriding what was known).</summary>
    public AsRelationships With(uint first, uint second, AsRelationship relationship)
    {
        if (first == second || relationship == AsRelationship.Unknown)
        {
            throw new ArgumentException($"cannot relate AS{first} to AS{second} as {relationship}", nameof(relationship));
        }

        var pairs = new Dictionary<ulong, AsRelationship>(_pairs);
        Set(pairs, first, second, relationship);
        return new AsRelationships(pairs.ToFrozenDictionary(), _tier1);
    }

    /// <summary>A copy that applies the Tier-1 rule to pairs with no explicit relationship.</summary>
    public AsRelationships WithTier1(IEnumerable<uint> tier1)
    {
        ArgumentNullException.ThrowIfNull(tier1);
        return new AsRelationships(_pairs, tier1.ToFrozenSet());
    }

    /// <summary>How <paramref name="first"/> stands toward <paramref name="second"/>.</summary>
    public AsRelationship Of(uint first, uint second)
    {
        if (_pairs.TryGetValue(Key(first, second), out var relationship))
        {
            return relationship;
        }

        var firstIsTier1 = _tier1.Contains(first);
        var secondIsTier1 = _tier1.Contains(second);
        return (firstIsTier1, secondIsTier1) switch
        {
            (true, false) => AsRelationship.ProviderOf,
            (false, true) => AsRelationship.CustomerOf,
            _ => AsRelationship.Unknown,
        };
    }

    /// <summary>Whether the pair is listed explicitly (not inferred by the Tier-1 rule).</summary>
    public bool IsExplicit(uint first, uint second) => _pairs.ContainsKey(Key(first, second));

    private static void Set(Dictionary<ulong, AsRelationship> pairs, uint a, uint b, AsRelationship relationship)
    {
        pairs[Key(a, b)] = relationship;
        pairs[Key(b, a)] = relationship switch
        {
            AsRelationship.ProviderOf => AsRelationship.CustomerOf,
            AsRelationship.CustomerOf => AsRelationship.ProviderOf,
            _ => relationship,
        };
    }

    private static ulong Key(uint a, uint b) => ((ulong)a << 32) | b;

    private static uint Asn(string field, string source, int lineNumber, string line, string name)
    {
        var text = field.Trim();
        if (text.StartsWith("AS", StringComparison.OrdinalIgnoreCase))
        {
            text = text[2..];
        }

        return uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var asn)
            ? asn
            : throw Malformed(source, lineNumber, line, $"{name} '{field}' is not an AS number");
    }

    private static FormatException Malformed(string source, int lineNumber, string line, string problem) =>
        new($"{source}:{lineNumber.ToString(CultureInfo.InvariantCulture)}: {problem}: \"{line}\"");
}
