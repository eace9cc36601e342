using System.Collections.Immutable;

namespace OrleansNetOps.Analytics.Logs;

/// <summary>One template in a <see cref="LogTemplateMinerState"/>.</summary>
/// <param name="Id">Its id.</param>
/// <param name="IdBorn">Line sequence at which the template that first carried the id was created.</param>
/// <param name="Created">Line sequence at which this template was created (its order in its tree leaf).</param>
/// <param name="LastUsed">Line sequence of its last match (its place in the least-recently-used order).</param>
/// <param name="Tokens">Constants and <c>&lt;*&gt;</c> wildcards.</param>
/// <param name="Path">The parse-tree keys it is filed under.</param>
/// <param name="Count">Lines matched.</param>
/// <param name="FirstSeen">Time of the earliest line.</param>
/// <param name="LastSeen">Time of the latest line.</param>
/// <param name="LastFindingAt">When the last finding about it was raised, if any.</param>
public sealed record LogTemplateState(
    string Id,
    long IdBorn,
    long Created,
    long LastUsed,
    ImmutableArray<string> Tokens,
    ImmutableArray<string> Path,
    long Count,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    DateTimeOffset? LastFindingAt);
