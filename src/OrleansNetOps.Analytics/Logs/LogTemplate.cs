using Orleans;

namespace OrleansNetOps.Analytics.Logs;

/// <summary>A learned log template, as listed by <c>GET /api/v1/logs/templates</c>.</summary>
/// <param name="Id">Stable id (<c>t-</c> and 16 hex digits), assigned when the template was first created.</param>
/// <param name="Template">Constants and <c>&lt;*&gt;</c> wildcards, separated by single spaces.</param>
/// <param name="Count">Lines matched.</param>
/// <param name="FirstSeen">Time of the earliest line.</param>
/// <param name="LastSeen">Time of the latest line.</param>
/// <param name="Rare">True when, past the learning period, it has matched few lines: under the rare share of all lines and at most the rare count.</param>
[GenerateSerializer, Immutable]
public sealed record LogTemplate(string Id, string Template, long Count, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, bool Rare);
