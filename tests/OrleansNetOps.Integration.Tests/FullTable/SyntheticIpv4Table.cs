using System.Net;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Integration.Tests.FullTable;

/// <summary>
/// A deterministic IPv4 table of distinct prefixes in public unicast space, shaped like a full table: /16 blocks split
/// into /24s, /22s, a /16 with its /24 more-specifics, or /20s and /21s; a few dozen AS paths (transit × origin, some
/// prepended) assigned in runs of adjacent prefixes, as aggregated announcements arrive.
/// </summary>
public static class SyntheticIpv4Table
{
    /// <summary>Adjacent prefixes sharing one path.</summary>
    public const int RunLength = 500;

    private static readonly uint[] s_transits = [174, 1299, 2914, 3257, 3356, 6453, 6762];
    private static readonly uint[] s_origins = [13335, 15169, 16509, 20940, 32934, 8075];

    /// <summary>The AS paths the feed announces, each starting with <paramref name="feedAs"/>: 42 of them.</summary>
    public static IReadOnlyList<uint[]> Paths(uint feedAs) =>
        [.. s_transits.SelectMany((transit, t) => s_origins.Select((origin, o) => (t + o) % 5 == 0
            ? new[] { feedAs, transit, origin, origin }
            : new[] { feedAs, transit, origin }))];

    /// <summary>The first <paramref name="count"/> prefixes, each once, in announcement order.</summary>
    public static IEnumerable<IpPrefix> Prefixes(int count)
    {
        var emitted = 0;
        var block = 0;
        // Public unicast /8s only: FRR drops multicast NLRI, and 0/8, 10/8 and 127/8 would look like a leak.
        foreach (var first in Enumerable.Range(1, 223).Where(o => o is not (10 or 127)))
        {
            for (var second = 0; second < 256; second++, block++)
            {
                var start = ((uint)first << 24) | ((uint)second << 16);
                foreach (var prefix in Split(start, block % 4))
                {
                    if (emitted++ == count)
                    {
                        yield break;
                    }

                    yield return prefix;
                }
            }
        }

        throw new ArgumentOutOfRangeException(nameof(count), count, "more prefixes than the generator's address space holds");
    }

    /// <summary>The AS path of the prefix at <paramref name="index"/> in <see cref="Prefixes"/>.</summary>
    public static uint[] PathOf(int index, uint feedAs)
    {
        var paths = Paths(feedAs);
        return paths[index / RunLength % paths.Count];
    }

    /// <summary>The MED sent with the prefix at <paramref name="index"/>.</summary>
    public static uint MedOf(int index) => (uint)(index / RunLength % (s_transits.Length * s_origins.Length) * 10);

    /// <summary>
    /// The table as UPDATEs: one attribute set each, as many prefixes as fit in a 4,096-byte message.
    /// </summary>
    public static IEnumerable<Bgp.Messages.UpdateMessage> Updates(int count, uint feedAs, IPAddress nextHop)
    {
        // 19 header + 2 + 2 length fields + attributes (ORIGIN 4, AS_PATH ≤ 21, NEXT_HOP 7, MED 7) leave > 4,000 bytes.
        const int nlriBudget = 3_900;
        var batch = new List<Nlri>();
        var bytes = 0;
        var run = -1;
        var index = 0;
        foreach (var prefix in Prefixes(count))
        {
            var prefixRun = index / RunLength;
            if ((prefixRun != run || bytes + 1 + prefix.WireByteCount > nlriBudget) && batch.Count > 0)
            {
                yield return Update(batch, run, feedAs, nextHop);
                batch = [];
                bytes = 0;
            }

            run = prefixRun;
            batch.Add(new Nlri(prefix));
            bytes += 1 + prefix.WireByteCount;
            index++;
        }

        if (batch.Count > 0)
        {
            yield return Update(batch, run, feedAs, nextHop);
        }
    }

    private static Bgp.Messages.UpdateMessage Update(List<Nlri> prefixes, int run, uint feedAs, IPAddress nextHop) =>
        new(Array.Empty<Nlri>(), new PathAttributes
        {
            Origin = Origin.Igp,
            AsPath = AsPath.FromSequence(PathOf(run * RunLength, feedAs)),
            NextHop = nextHop,
            MultiExitDisc = MedOf(run * RunLength),
        }, prefixes.ToArray());

    private static IEnumerable<IpPrefix> Split(uint start, int pattern)
    {
        switch (pattern)
        {
            case 0:
                return Subnets(start, 24);
            case 1:
                return Subnets(start, 22);
            case 2:
                return [IpPrefix.FromIPv4(start, 16), .. Subnets(start, 24)];
            default:
                return [.. Subnets(start, 20), .. Subnets(start, 21)];
        }
    }

    private static IEnumerable<IpPrefix> Subnets(uint start, int length) =>
        Enumerable.Range(0, 1 << (length - 16)).Select(i => IpPrefix.FromIPv4(start + ((uint)i << (32 - length)), length));
}
