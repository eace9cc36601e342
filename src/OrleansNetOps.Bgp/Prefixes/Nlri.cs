namespace OrleansNetOps.Bgp.Prefixes;

/// <summary>One reachability entry: a prefix and, when ADD-PATH is in use, its path identifier.</summary>
/// <param name="Prefix">The prefix.</param>
/// <param name="PathId">ADD-PATH path identifier (RFC 7911), or null when ADD-PATH is not in use.</param>
public readonly record struct Nlri(IpPrefix Prefix, uint? PathId = null)
{
    /// <summary>The prefix, with <c>#id</c> when a path identifier is present.</summary>
    public override string ToString() => PathId is { } id ? $"{Prefix}#{id}" : Prefix.ToString();
}
