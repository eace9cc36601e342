using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrleansNetOps.Governance.Audit;

/// <summary>
/// The tamper-evident audit chain. An entry's canonical form is the RFC 8785 (JCS) text of the JSON object
/// <c>{ actionId, actor, at, decision, detail, kind, prevHash, seq }</c> — members in that (sorted) order,
/// <c>actionId</c> null when absent, <c>at</c> as <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c> (UTC, six fractional digits),
/// <c>detail</c> the detail object itself (canonicalised), <c>seq</c> a number; its hash is the lowercase hex SHA-256 of
/// that text's UTF-8 bytes. Because the form holds <c>prevHash</c>, each hash covers the entry and, through it, every
/// entry before. Re-canonicalising the detail on verification means storage that reformats JSON (jsonb) still verifies.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry: 64 zeros.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Makes the next entry after <paramref name="head"/> (pure: storing it is the caller's job).</summary>
    /// <param name="head">The chain's last entry (<see cref="AuditHead.Genesis"/> for an empty chain).</param>
    /// <param name="record">What to record.</param>
    /// <param name="at">When; kept to whole microseconds.</param>
    /// <exception cref="FormatException">The record's detail is not a JSON object.</exception>
    public static AuditEntry Append(AuditHead head, AuditRecord record, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(record);
        var detail = CanonicalJson.Canonicalize(record.Detail);
        if (!detail.StartsWith('{'))
        {
            throw new FormatException("an audit detail is a JSON object");
        }

        var ticks = at.UtcTicks;
        var entry = new AuditEntry(head.Seq + 1, new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero), record.Actor, record.Kind, record.ActionId,
            record.Decision, detail, string.Empty, head.Hash);
        return entry with { Hash = ComputeHash(entry) };
    }

    /// <summary>The canonical text an entry's hash is computed over.</summary>
    /// <exception cref="FormatException">The detail is not JSON.</exception>
    public static string CanonicalForm(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var builder = new StringBuilder(256 + entry.Detail.Length);
        builder.Append("{\"actionId\":");
        if (entry.ActionId is null)
        {
            builder.Append("null");
        }
        else
        {
            CanonicalJson.WriteString(entry.ActionId, builder);
        }

        builder.Append(",\"actor\":");
        CanonicalJson.WriteString(entry.Actor, builder);
        builder.Append(",\"at\":");
        CanonicalJson.WriteString(entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture), builder);
        builder.Append(",\"decision\":");
        CanonicalJson.WriteString(entry.Decision, builder);
        builder.Append(",\"detail\":").Append(CanonicalJson.Canonicalize(entry.Detail));
        builder.Append(",\"kind\":");
        CanonicalJson.WriteString(entry.Kind, builder);
        builder.Append(",\"prevHash\":");
        CanonicalJson.WriteString(entry.PrevHash, builder);
        builder.Append(",\"seq\":").Append(CanonicalJson.Number(entry.Seq)).Append('}');
        return builder.ToString();
    }

    /// <summary>SHA-256 (lowercase hex) of <see cref="CanonicalForm"/>.</summary>
    public static string ComputeHash(AuditEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalForm(entry))));

    /// <summary>
    /// Verifies a chain read in sequence order from its first entry. Reports the lowest sequence number that is not
    /// intact, so that every entry before it is: an edited entry (its hash no longer matches) is reported itself; a
    /// deleted entry by its missing number; entries out of place by the first misplaced position; and a broken link
    /// between entries j−1 and j whose hashes both match (j−1 rewritten with a fresh hash, or j's prevHash rewritten)
    /// as j−1, the earlier suspect. A chain cut short at its end, or rewritten whole from some entry on, is only
    /// visible against an anchor kept elsewhere: pass the last head you trust as <paramref name="anchor"/>.
    /// </summary>
    public static AuditVerification Verify(IEnumerable<AuditEntry> entries, AuditHead? anchor = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        long count = 0;
        var expected = 1L;
        var previous = GenesisHash;
        string? anchorHash = null;
        (long Seq, string Problem)? broken = null;
        foreach (var entry in entries)
        {
            count++;
            if (broken is null)
            {
                broken = Check(entry, expected, previous);
                if (anchor is not null && entry.Seq == anchor.Seq)
                {
                    anchorHash = entry.Hash;
                }

                previous = entry.Hash;
                expected++;
            }
        }

        if (broken is null && anchor is not null && anchor.Seq > 0)
        {
            if (expected - 1 < anchor.Seq)
            {
                broken = (expected, $"the chain ends at {expected - 1} but the anchor is at {anchor.Seq}: entries from {expected} on were removed");
            }
            else if (!string.Equals(anchorHash, anchor.Hash, StringComparison.Ordinal))
            {
                broken = (anchor.Seq, $"entry {anchor.Seq} does not match the anchor: the chain was rewritten up to it");
            }
        }

        return broken is { } b ? new AuditVerification(false, count, b.Seq, b.Problem) : new AuditVerification(true, count, null, null);
    }

    private static (long Seq, string Problem)? Check(AuditEntry entry, long expected, string previous)
    {
        if (entry.Seq != expected)
        {
            return (Math.Min(entry.Seq, expected), entry.Seq > expected
                ? $"entry {expected} is missing (found {entry.Seq} in its place)"
                : $"entry {entry.Seq} appears again after {expected - 1}");
        }

        string hash;
        try
        {
            hash = ComputeHash(entry);
        }
        catch (FormatException exception)
        {
            return (entry.Seq, $"entry {entry.Seq}'s detail is not canonical JSON: {exception.Message}");
        }

        if (!string.Equals(hash, entry.Hash, StringComparison.Ordinal))
        {
            return (entry.Seq, $"entry {entry.Seq} was altered: its content no longer matches its hash");
        }

        if (!string.Equals(entry.PrevHash, previous, StringComparison.Ordinal))
        {
            var suspect = Math.Max(1, entry.Seq - 1);
            return (suspect, entry.Seq == 1
                ? "entry 1 does not start from the genesis hash"
                : $"entry {entry.Seq} links to a different entry {suspect} than the one stored: entry {suspect} was rewritten (or entry {entry.Seq}'s link)");
        }

        return null;
    }
}
