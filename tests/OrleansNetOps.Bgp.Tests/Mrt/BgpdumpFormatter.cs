using System.Globalization;
using System.Net;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Messages;
using OrleansNetOps.Bgp.Mrt;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Tests.Mrt;

/// <summary>
/// Renders decoded MRT records the way <c>bgpdump -m</c> prints them, so the golden files of the
/// bgpdump project can check every decoded field.
/// </summary>
internal sealed class BgpdumpFormatter
{
    private PeerIndexTableRecord? _peerIndex;

    public IEnumerable<string> Format(MrtRecord record)
    {
        switch (record)
        {
            case PeerIndexTableRecord peers:
                _peerIndex = peers;
                break;
            case TableDumpRecord dump:
                yield return Route($"TABLE_DUMP|{dump.Header.Timestamp}|B|{Address(dump.PeerAddress)}|{dump.PeerAs}|{dump.Prefix}", dump.Prefix, dump.Attributes, dump.MpReach);
                break;
            case RibRecord rib when rib.Prefix is { } prefix:
                foreach (var entry in rib.Entries)
                {
                    var peer = _peerIndex!.Peers[entry.PeerIndex];
                    var kind = rib.IsAddPath ? "TABLE_DUMP2_AP" : "TABLE_DUMP2";
                    var pathId = rib.IsAddPath ? $"|{entry.PathId}" : string.Empty;
                    yield return Route($"{kind}|{rib.Header.Timestamp}|B|{Address(peer.Address)}|{peer.Asn}|{Prefix(prefix)}{pathId}", prefix, entry.Attributes, entry.MpReach);
                }

                break;
            case Bgp4mpStateChangeRecord state:
                yield return $"{Head(state.Header)}|STATE|{Address(state.Peering.PeerAddress)}|{state.Peering.PeerAs}|{(int)state.OldState}|{(int)state.NewState}";
                break;
            case Bgp4mpMessageRecord { Message: UpdateMessage update } message:
                var head = $"{Head(message.Header)}|{{0}}|{Address(message.Peering.PeerAddress)}|{message.Peering.PeerAs}|";
                foreach (var line in Update(head, update))
                {
                    yield return line;
                }

                break;
        }
    }

    private static IEnumerable<string> Update(string head, UpdateMessage update)
    {
        foreach (var withdrawn in update.Withdrawn)
        {
            yield return string.Format(CultureInfo.InvariantCulture, head, "W") + Prefix(withdrawn.Prefix);
        }

        foreach (var withdrawn in update.MpUnreach?.Withdrawn ?? default)
        {
            yield return string.Format(CultureInfo.InvariantCulture, head, "W") + Prefix(withdrawn.Prefix);
        }

        foreach (var announced in update.Announced)
        {
            yield return Route(string.Format(CultureInfo.InvariantCulture, head, "A") + Prefix(announced.Prefix), announced.Prefix, update.Attributes, update.MpReach);
        }

        foreach (var announced in update.MpReach?.Nlri ?? default)
        {
            yield return Route(string.Format(CultureInfo.InvariantCulture, head, "A") + Prefix(announced.Prefix), announced.Prefix, update.Attributes, update.MpReach);
        }
    }

    private static string Head(MrtHeader header) => header.Type == MrtType.Bgp4mpEt
        ? string.Create(CultureInfo.InvariantCulture, $"BGP4MP_ET|{header.Timestamp}.{header.Microseconds:D6}")
        : string.Create(CultureInfo.InvariantCulture, $"BGP4MP|{header.Timestamp}");

    private static string Route(string head, IpPrefix prefix, PathAttributes attributes, MpReachNlri? reach)
    {
        IPAddress? nextHop = prefix.IsIPv6 || attributes.NextHop is null
            ? reach?.NextHops.FirstOrDefault() ?? attributes.NextHop
            : attributes.NextHop;
        var origin = attributes.Origin switch
        {
            Origin.Igp => "IGP",
            Origin.Egp => "EGP",
            Origin.Incomplete => "INCOMPLETE",
            // bgpdump starts from INCOMPLETE and 255.255.255.255 and prints them when an entry carries no
            // ORIGIN / NEXT_HOP at all (a locally originated ADD-PATH RIB entry with an empty attribute block).
            _ => "INCOMPLETE",
        };
        var nextHopText = nextHop is null ? "255.255.255.255" : Address(nextHop);
        var communities = string.Join(' ', attributes.Communities.Select(Community));
        var aggregator = attributes.EffectiveAggregator is { } a ? $"{a.Asn} {a.Address}" : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{head}|{attributes.EffectiveAsPath}|{origin}|{nextHopText}|{attributes.LocalPref ?? 0}|{attributes.MultiExitDisc ?? 0}|{communities}|{(attributes.AtomicAggregate ? "AG" : "NAG")}|{aggregator}|");
    }

    private static string Prefix(IpPrefix prefix) => $"{Address(prefix.Address)}/{prefix.Length}";

    /// <summary>
    /// bgpdump formats IPv6 like the classic BSD inet_ntop: the longest run of zero groups is written
    /// as <c>::</c> even when it is a single group (RFC 5952 and .NET leave single zeros alone), and
    /// IPv4-mapped addresses end in dotted quad.
    /// </summary>
    public static string Address(IPAddress address)
    {
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6 || address.IsIPv4MappedToIPv6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        var groups = new int[8];
        for (var i = 0; i < 8; i++)
        {
            groups[i] = (bytes[2 * i] << 8) | bytes[(2 * i) + 1];
        }

        int bestStart = -1, bestLength = 0;
        for (var i = 0; i < 8;)
        {
            if (groups[i] != 0)
            {
                i++;
                continue;
            }

            var start = i;
            while (i < 8 && groups[i] == 0)
            {
                i++;
            }

            if (i - start > bestLength)
            {
                (bestStart, bestLength) = (start, i - start);
            }
        }

        string Hex(int from, int to) => string.Join(':', groups[from..to].Select(g => g.ToString("x", CultureInfo.InvariantCulture)));
        return bestStart < 0 ? Hex(0, 8) : Hex(0, bestStart) + "::" + Hex(bestStart + bestLength, 8);
    }

    private static string Community(Community community) => community.Value switch
    {
        0xFFFFFF01 => "no-export",
        0xFFFFFF02 => "no-advertise",
        0xFFFFFF03 => "local-AS",
        _ => community.ToString(),
    };
}
