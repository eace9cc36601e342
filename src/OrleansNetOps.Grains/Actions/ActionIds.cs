using System.Security.Cryptography;
using System.Text;

namespace OrleansNetOps.Grains.Actions;

/// <summary>
/// Action ids. With an idempotency key the id is derived from it (and the domain), so the same key always reaches the
/// same resolver grain and can never make a second action, whatever silo or retry it comes through.
/// </summary>
public static class ActionIds
{
    /// <summary>The id for a proposal.</summary>
    public static string For(string domain, string? idempotencyKey)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey))
        {
            return "act-" + Guid.NewGuid().ToString("N")[..16];
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(domain + "\n" + idempotencyKey));
        return "act-" + Convert.ToHexStringLower(digest)[..16];
    }
}
