using System.Globalization;
using System.Net;
using System.Text;
using OrleansNetOps.Bgp.Attributes;
using OrleansNetOps.Bgp.Monitoring;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Tests.Monitoring;

/// <summary>A route as the RIB views hold it, in the terms of <see cref="PmacctRoute"/>.</summary>
internal sealed record ObservedRoute(
    PeerKey Peer, RibView View, AfiSafi Family, RouteDistinguisher? Rd, IpPrefix Prefix, uint? PathId, EquatableArray<uint> Labels, PathAttributes Attributes)
{
    public string KeyFor(string router) => $"{router}|{Peer.Address}|{View}|{Family}|{Rd}|{Prefix}|{PathId}";
}

/// <summary>Compares one route field by field with what pmacct printed for it, in pmacct's notation.</summary>
internal static class PmacctRouteComparison
{
    /// <summary>
    /// The fields that differ. <paramref name="expectedAsPath"/> is pmacct's AS path as this system must hold it
    /// (see the caller), or null where pmacct's path cannot be compared.
    /// </summary>
    public static IEnumerable<string> Differences(PmacctRoute expected, ObservedRoute actual, string? expectedAsPath)
    {
        var e = expected.Line;
        var a = actual.Attributes;
        if (!SameNextHop(PmacctBmpLog.Text(e, "bgp_nexthop"), a.NextHop))
        {
            yield return $"next hop {PmacctBmpLog.Text(e, "bgp_nexthop")} != {a.NextHop}";
        }

        if (expectedAsPath is not null && expectedAsPath != Render(a.EffectiveAsPath))
        {
            yield return $"AS path '{expectedAsPath}' != '{Render(a.EffectiveAsPath)}'";
        }

        var communities = string.Join(' ', a.Communities.Select(c => c.ToString()));
        if (string.Join(' ', PmacctBmpLog.Items(e, "comms")) != communities)
        {
            yield return $"communities '{PmacctBmpLog.Text(e, "comms")}' != '{communities}'";
        }

        var large = string.Join(' ', a.LargeCommunities.Select(c => c.ToString()));
        if (string.Join(' ', PmacctBmpLog.Items(e, "lcomms")) != large)
        {
            yield return $"large communities '{PmacctBmpLog.Text(e, "lcomms")}' != '{large}'";
        }

        var extended = PmacctBmpLog.Items(e, "ecomms");
        var ours = a.ExtendedCommunities.Select(Render).ToList();
        if (extended.Count != ours.Count || extended.Zip(ours).Any(p => p.Second is not null && p.First != p.Second))
        {
            yield return $"extended communities '{string.Join(' ', extended)}' != '{string.Join(' ', a.ExtendedCommunities)}'";
        }

        var label = PmacctBmpLog.Text(e, "mpls_label");
        var ourLabel = actual.Labels.IsEmpty ? null : actual.Labels[0].ToString(CultureInfo.InvariantCulture);
        if (label != ourLabel)
        {
            yield return $"label {label} != {ourLabel} (stack {string.Join(',', actual.Labels)})";
        }

        var origin = a.Origin switch { Origin.Igp => "i", Origin.Egp => "e", Origin.Incomplete => "u", _ => null };
        if (PmacctBmpLog.Text(e, "origin") != origin)
        {
            yield return $"origin {PmacctBmpLog.Text(e, "origin")} != {origin}";
        }

        if (PmacctBmpLog.Number(e, "local_pref") != a.LocalPref)
        {
            yield return $"LOCAL_PREF {PmacctBmpLog.Number(e, "local_pref")} != {a.LocalPref}";
        }

        if (PmacctBmpLog.Number(e, "med") != a.MultiExitDisc)
        {
            yield return $"MED {PmacctBmpLog.Number(e, "med")} != {a.MultiExitDisc}";
        }
    }

    /// <summary>An AS path as pmacct (after Quagga) prints it: sequences spaced, <c>{a,b}</c> sets, <c>(a b)</c> confederation sequences, <c>[a,b]</c> confederation sets.</summary>
    public static string Render(AsPath? path)
    {
        var text = new StringBuilder();
        foreach (var segment in (path ?? AsPath.Empty).Segments.AsSpan())
        {
            var (open, separator, close) = segment.Type switch
            {
                AsPathSegmentType.AsSet => ("{", ",", "}"),
                AsPathSegmentType.ConfedSequence => ("(", " ", ")"),
                AsPathSegmentType.ConfedSet => ("[", ",", "]"),
                _ => (string.Empty, " ", string.Empty),
            };
            text.Append(text.Length > 0 ? " " : string.Empty).Append(open)
                .AppendJoin(separator, segment.Asns.Select(n => n.ToString(CultureInfo.InvariantCulture))).Append(close);
        }

        return text.ToString();
    }

    /// <summary>
    /// pmacct prints a missing next hop as 0.0.0.0, and its attribute cache treats an IPv4 next hop and the same
    /// address IPv4-mapped in IPv6 as one, printing whichever form it saw first: the two forms are the same here.
    /// </summary>
    private static bool SameNextHop(string? printed, IPAddress? ours)
    {
        var theirs = printed is null ? null : IPAddress.Parse(printed);
        static IPAddress? Plain(IPAddress? address) => address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
        return Equals(Plain(theirs) ?? IPAddress.Any, Plain(ours) ?? IPAddress.Any);
    }

    /// <summary>Route targets and sites of origin as pmacct prints them; null for the types whose notation is not pinned down here.</summary>
    private static string? Render(ExtendedCommunity community)
    {
        var kind = community.SubType switch { 0x02 => "RT", 0x03 => "SoO", _ => null };
        var value = community.Value;
        return (community.Type & 0x3F, kind) switch
        {
            (0x00, not null) => string.Create(CultureInfo.InvariantCulture, $"{kind}:{(ushort)(value >> 32)}:{(uint)value}"),
            (0x01, not null) => string.Create(CultureInfo.InvariantCulture, $"{kind}:{(byte)(value >> 40)}.{(byte)(value >> 32)}.{(byte)(value >> 24)}.{(byte)(value >> 16)}:{(ushort)value}"),
            (0x02, not null) => string.Create(CultureInfo.InvariantCulture, $"{kind}:{(uint)(value >> 16)}:{(ushort)value}"),
            _ => null,
        };
    }
}
