using System.Globalization;

namespace OrleansNetOps.Twin.WhatIf;

/// <summary>
/// How large one what-if may be. The API answers a larger request with 413 (too many changes) or 400 (a hold time out
/// of range), naming the limit; the engine refuses it too, so no caller can bypass them.
/// <para>
/// Why 10,000 changes: a NOC's largest realistic request is a per-prefix edit of every prefix it announces or a
/// traffic-engineering plan touching every session, thousands of changes at most; work grows linearly with the
/// changes, and 10,000 per-prefix edits run in well under a second on the demo network (see the ChangeCount what-if
/// benchmark), so one request can never hold the twin for long. Prefixes listed inside changes count separately: an
/// edit of many prefixes is one change with a list, up to <see cref="MaxListedPrefixes"/> in all.
/// </para>
/// </summary>
public static class WhatIfLimits
{
    /// <summary>The most changes one request may hold (an announcement or withdrawal of several prefixes counts once per prefix).</summary>
    public const int MaxChanges = 10_000;

    /// <summary>The most prefixes all the changes of one request may list (<c>params.prefixes</c>), in all.</summary>
    public const int MaxListedPrefixes = 100_000;

    /// <summary>The longest hold time an event may give (BGP's hold time is at most 65,535 s).</summary>
    public const double MaxHoldTimeMs = 65_535_000;

    /// <summary>Why <paramref name="request"/> is too large, or null when it is not.</summary>
    public static string? Check(WhatIfRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Changes.Count > MaxChanges)
        {
            return string.Create(CultureInfo.InvariantCulture, $"changes: {request.Changes.Count} changes; at most {MaxChanges} fit in one what-if");
        }

        var listed = request.Changes.Sum(c => c is CatalogueChange { Parameters.Prefixes: { } prefixes } ? (long)prefixes.Length : 0);
        return listed > MaxListedPrefixes
            ? string.Create(CultureInfo.InvariantCulture, $"changes: {listed} prefixes listed in params.prefixes; at most {MaxListedPrefixes} fit in one what-if")
            : null;
    }
}
