using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrleansNetOps.Analytics.Findings;

/// <summary>Deterministic finding ids, so a replay or a restarted analyst produces the same ids for the same observations.</summary>
public static class FindingId
{
    /// <summary>An id from the kind, the subject and the observation time: <c>f-</c> and 16 hex digits.</summary>
    public static string Create(FindingKind kind, FindingSubject subject, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var text = string.Create(CultureInfo.InvariantCulture, $"{FindingKinds.Name(kind)}|{subject}|{at.ToUnixTimeMilliseconds()}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return "f-" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }
}
