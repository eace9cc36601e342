namespace OrleansNetOps.Lab.Scenarios;

/// <summary>One clause of a neighbour policy (a route-map entry's effect, in domain terms).</summary>
public abstract record PolicyAction
{
    /// <summary>The clause in the CLI's <c>key=value</c> form, e.g. <c>local-pref=200</c>.</summary>
    public abstract override string ToString();

    /// <summary>Parses the CLI form: <c>local-pref=N</c>, <c>med=N</c>, <c>prepend=ASNxCOUNT</c>, <c>community=A:B</c>, <c>deny=PREFIX</c>.</summary>
    /// <exception cref="FormatException">Not one of those.</exception>
    public static PolicyAction Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var separator = text.IndexOf('=', StringComparison.Ordinal);
        var key = separator < 0 ? text : text[..separator];
        var value = separator < 0 ? string.Empty : text[(separator + 1)..];
        return key switch
        {
            "local-pref" => new SetLocalPreference(uint.Parse(value, System.Globalization.CultureInfo.InvariantCulture)),
            "med" => new SetMed(uint.Parse(value, System.Globalization.CultureInfo.InvariantCulture)),
            "prepend" => PrependAsPath.Parse(value),
            "community" => new AddCommunity(value),
            "deny" => new DenyPrefix(Bgp.Prefixes.IpPrefix.Parse(value)),
            _ => throw new FormatException($"'{text}' is not local-pref=N, med=N, prepend=ASNxCOUNT, community=A:B or deny=PREFIX"),
        };
    }
}
