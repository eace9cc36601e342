using OrleansNetOps.Bgp.Policy;

namespace OrleansNetOps.Planning.Candidates;

/// <summary>One change the planner considers: a catalogue action on one of our routers, and why it might help.</summary>
/// <param name="Id">Its id within the plan (<c>c1</c>, <c>c2</c>…), in the order it was proposed.</param>
/// <param name="Router">Our router, by topology id.</param>
/// <param name="Action">Catalogue name.</param>
/// <param name="Parameters">Its params.</param>
/// <param name="Rationale">Why it might help, for people.</param>
/// <param name="Source"><c>catalogue</c>, or <c>runbook:NAME</c> for a known plan from the runbook catalogue.</param>
/// <param name="Confidence">The fault's confidence times how directly this action addresses it (0..1).</param>
public sealed record Candidate(string Id, string Router, string Action, ActionParameters Parameters, string Rationale, string Source, double Confidence)
{
    /// <summary>Whether it comes from the runbook catalogue.</summary>
    public bool IsKnownPlan => Source.StartsWith("runbook:", StringComparison.Ordinal);

    /// <summary>A one-line description: <c>LOCAL_PREF_ADJUST on R1 (peer ISP-A, in, localPref 50, 8.8.8.0/24)</c>.</summary>
    public string Describe()
    {
        var p = Parameters;
        var parts = new List<string>();
        void Add(string? text)
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                parts.Add(text);
            }
        }

        Add(p.Peer is null ? null : $"peer {p.Peer}");
        Add(p.Direction);
        Add(p.LocalPref is { } lp ? $"localPref {lp}" : null);
        Add(p.Med is { } med ? $"med {med}" : null);
        Add(p.PrependCount is { } count ? $"prepend ×{count}" : null);
        Add(p.Community is null ? null : $"community {p.Mode ?? "add"} {p.Community}");
        Add(p.Prefixes is { } prefixes ? string.Join(", ", prefixes) : null);
        return parts.Count == 0 ? $"{Action} on {Router}" : $"{Action} on {Router} ({string.Join(", ", parts)})";
    }
}
