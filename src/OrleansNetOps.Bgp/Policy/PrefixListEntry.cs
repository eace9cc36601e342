using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Policy;

/// <summary>
/// <c>ip prefix-list NAME seq N permit|deny PREFIX [ge G] [le L]</c>. Without ge/le only the exact prefix
/// matches; with them, any prefix inside PREFIX whose length is in [G or len(PREFIX), L or family max].
/// </summary>
/// <param name="Sequence">Evaluation order.</param>
/// <param name="Action">Permit or deny.</param>
/// <param name="Prefix">The covering prefix.</param>
/// <param name="GreaterEqual">Minimum length (<c>ge</c>).</param>
/// <param name="LessEqual">Maximum length (<c>le</c>).</param>
public sealed record PrefixListEntry(int Sequence, AccessAction Action, IpPrefix Prefix, int? GreaterEqual = null, int? LessEqual = null)
{
    /// <summary>True when <paramref name="candidate"/> falls inside this entry.</summary>
    public bool Matches(IpPrefix candidate)
    {
        if (!Prefix.Contains(candidate))
        {
            return false;
        }

        if (GreaterEqual is null && LessEqual is null)
        {
            return candidate.Length == Prefix.Length;
        }

        var min = GreaterEqual ?? Prefix.Length;
        var max = LessEqual ?? Prefix.MaxLength;
        return candidate.Length >= min && candidate.Length <= max;
    }

    /// <summary>FRR's syntax, for diagnostics.</summary>
    public override string ToString() =>
        $"seq {Sequence} {(Action == AccessAction.Permit ? "permit" : "deny")} {Prefix}"
        + (GreaterEqual is { } ge ? $" ge {ge}" : string.Empty)
        + (LessEqual is { } le ? $" le {le}" : string.Empty);
}
