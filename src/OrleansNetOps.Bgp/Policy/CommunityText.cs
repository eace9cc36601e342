using System.Globalization;
using OrleansNetOps.Bgp.Attributes;

namespace OrleansNetOps.Bgp.Policy;

/// <summary>
/// Community values as FRR writes them: <c>AA:NN</c>, FRR's well-known keywords (<c>internet</c>,
/// <c>local-AS</c>, <c>no-advertise</c>, <c>no-export</c>, <c>graceful-shutdown</c>, <c>accept-own</c>,
/// <c>blackhole</c>, <c>no-llgr</c>, <c>llgr-stale</c>, <c>no-peer</c>) and the IANA names (<c>NO_EXPORT</c>…);
/// large communities as <c>G:L1:L2</c>.
/// </summary>
public static class CommunityText
{
    /// <summary>FRR's <c>internet</c> (0:0): in a community list it matches every route.</summary>
    public static Community Internet => new(0);

    /// <summary>Parses a standard community or a well-known name.</summary>
    public static bool TryParse(string? text, out Community community)
    {
        community = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        uint? known = text.ToUpperInvariant().Replace('-', '_') switch
        {
            "INTERNET" => 0,
            "LOCAL_AS" or "NO_EXPORT_SUBCONFED" => Community.NoExportSubconfed.Value,
            "NO_ADVERTISE" => Community.NoAdvertise.Value,
            "NO_EXPORT" => Community.NoExport.Value,
            "GRACEFUL_SHUTDOWN" => Community.GracefulShutdown.Value,
            "ACCEPT_OWN" => Community.AcceptOwn.Value,
            "BLACKHOLE" => Community.Blackhole.Value,
            "NO_LLGR" => Community.NoLlgr.Value,
            "LLGR_STALE" => Community.LlgrStale.Value,
            "NO_PEER" or "NOPEER" => Community.NoPeer.Value,
            _ => null,
        };
        if (known is { } value)
        {
            community = new Community(value);
            return true;
        }

        var parts = text.Split(':');
        if (parts.Length == 2
            && ushort.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var asn)
            && ushort.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var local))
        {
            community = new Community(asn, local);
            return true;
        }

        return false;
    }

    /// <summary>Parses a standard community or throws <see cref="FormatException"/>.</summary>
    public static Community Parse(string text) =>
        TryParse(text, out var community) ? community : throw new FormatException($"'{text}' is not a community (AA:NN or a well-known name)");

    /// <summary>Parses <c>G:L1:L2</c>.</summary>
    public static bool TryParseLarge(string? text, out LargeCommunity community)
    {
        community = default;
        var parts = (text ?? string.Empty).Trim().Split(':');
        if (parts.Length == 3
            && uint.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var global)
            && uint.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var local1)
            && uint.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var local2))
        {
            community = new LargeCommunity(global, local1, local2);
            return true;
        }

        return false;
    }

    /// <summary>Parses a large community or throws <see cref="FormatException"/>.</summary>
    public static LargeCommunity ParseLarge(string text) =>
        TryParseLarge(text, out var community) ? community : throw new FormatException($"'{text}' is not a large community (G:L1:L2)");
}
