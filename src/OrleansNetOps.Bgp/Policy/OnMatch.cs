namespace OrleansNetOps.Bgp.Policy;

/// <summary>What a matching permit entry does after its sets (FRR's exit policy).</summary>
public enum OnMatch : byte
{
    /// <summary>Stop: the route is permitted (the default).</summary>
    Exit,

    /// <summary><c>on-match next</c> / <c>continue</c>: go on with the next entry.</summary>
    Next,

    /// <summary><c>on-match goto N</c> / <c>continue N</c>: go on with the first entry whose sequence is at least N.</summary>
    Goto,
}
