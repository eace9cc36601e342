using System.Collections.Immutable;
using System.Globalization;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Analytics.Bgp;

/// <summary>
/// Reports announcements inside someone's address space by an origin that may not announce it: a
/// <see cref="FindingKind.MoreSpecificHijack"/> for a more-specific of an owned prefix (more-specifics win
/// longest-prefix match everywhere, so this is the hijack that works), an <see cref="FindingKind.OriginHijack"/> for one
/// of our own prefixes announced by a foreign origin. Ownership is configured (<see cref="PrefixOwnership"/>) and,
/// optionally, learned from announcements. Each (prefix, origin) is reported once.
/// </summary>
public sealed class MoreSpecificHijackDetector
{
    private const int MaxLearnedOrigins = 4;
    private readonly MoreSpecificOptions _options;

    // Configured and learned owners in one table, so the covering search costs one lookup per prefix length.
    private readonly Dictionary<IpPrefix, Owners> _owners = [];
    private readonly BoundedSet<(IpPrefix, uint)> _reported;
    private readonly FlatPathCache _paths = new();
    private readonly Dictionary<uint, uint[]> _singleOrigins = [];

    /// <summary>Creates a detector.</summary>
    public MoreSpecificHijackDetector(PrefixOwnership ownership, MoreSpecificOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ownership);
        _options = options ?? MoreSpecificOptions.Default;
        _reported = new(_options.RememberedReports);
        foreach (var (prefix, origins) in ownership.Entries)
        {
            _owners[prefix] = new Owners([.. origins], true);
        }
    }

    /// <summary>Prefixes whose owners were learned from announcements.</summary>
    public int LearnedPrefixes { get; private set; }

    /// <summary>Checks one announcement (withdrawals are ignored); a finding the first time a (prefix, origin) is found out of place.</summary>
    public Finding? Observe(RouteUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.Path?.OriginAsn is not { } origin)
        {
            return null;
        }

        var prefix = update.Prefix;
        if (_owners.TryGetValue(prefix, out var exact) && exact.Configured)
        {
            return Array.IndexOf(exact.Origins, origin) >= 0 || !_reported.Add((prefix, origin))
                ? null
                : Report(FindingKind.OriginHijack, update, origin, prefix, exact.Origins, configured: true);
        }

        if (Covering(prefix) is { } covering)
        {
            var (owned, owners, configured) = covering;
            var legitimate = Array.IndexOf(owners, origin) >= 0
                || (!configured && owners.Any(_paths.Flatten(update.Path).Contains)); // a downstream of the owner announcing its part
            if (!legitimate)
            {
                return _reported.Add((prefix, origin)) ? Report(FindingKind.MoreSpecificHijack, update, origin, owned, owners, configured) : null;
            }
        }

        Learn(prefix, origin);
        return null;
    }

    private (IpPrefix Prefix, uint[] Owners, bool Configured)? Covering(IpPrefix prefix)
    {
        Span<byte> address = stackalloc byte[16];
        prefix.WriteAddress(address);
        var shortest = prefix.IsIPv6 ? _options.MinCoveringLengthIPv6 : _options.MinCoveringLengthIPv4;
        for (var length = prefix.Length - 1; length >= shortest; length--)
        {
            var candidate = IpPrefix.FromBytes(prefix.IsIPv6, address, length);
            if (_owners.TryGetValue(candidate, out var owners))
            {
                return (candidate, owners.Origins, owners.Configured);
            }
        }

        return null;
    }

    private void Learn(IpPrefix prefix, uint origin)
    {
        var longest = prefix.IsIPv6 ? _options.MaxLearnedLengthIPv6 : _options.MaxLearnedLengthIPv4;
        if (!_options.LearnFromAnnouncements || prefix.Length > longest)
        {
            return;
        }

        if (_owners.TryGetValue(prefix, out var owners))
        {
            if (!owners.Configured && Array.IndexOf(owners.Origins, origin) < 0 && owners.Origins.Length < MaxLearnedOrigins)
            {
                _owners[prefix] = owners with { Origins = [.. owners.Origins, origin] };
            }
        }
        else if (LearnedPrefixes < _options.MaxLearnedPrefixes)
        {
            // Owner arrays are never changed in place, so every prefix of one origin can share one.
            if (!_singleOrigins.TryGetValue(origin, out var single))
            {
                single = [origin];
                _singleOrigins[origin] = single;
            }

            _owners[prefix] = new Owners(single, false);
            LearnedPrefixes++;
        }
    }

    private readonly record struct Owners(uint[] Origins, bool Configured);

    private static Finding Report(FindingKind kind, RouteUpdate update, uint origin, IpPrefix owned, uint[] owners, bool configured)
    {
        var ownersText = string.Join(',', owners.Select(o => "AS" + o.ToString(CultureInfo.InvariantCulture)));
        var pathText = DetectorFindings.Path(ValleyFree.Flatten(update.Path));
        var what = kind == FindingKind.OriginHijack
            ? $"{update.Prefix}, owned by {ownersText}, announced by AS{origin}"
            : $"{update.Prefix}, inside {owned} of {ownersText}, announced by AS{origin}";
        return DetectorFindings.ForUpdate(
            kind,
            update,
            configured ? 1 : 0.6,
            configured ? $"Hijack of our space: {what}" : $"Possible more-specific hijack: {what}",
            $"{what} (path {pathText}, seen on {update.Vantage})",
            ("covering", owned.ToString()),
            ("owners", string.Join(',', owners)),
            ("origin", origin.ToString(CultureInfo.InvariantCulture)),
            ("path", pathText),
            ("ownership", configured ? "configured" : "learned"));
    }
}
