namespace OrleansNetOps.Assistant.Intents;

/// <summary>What a token of an operator's sentence is.</summary>
internal enum TokenKind
{
    /// <summary>A word (its <see cref="IntentToken.Lemma"/> names the concept when it is one).</summary>
    Word,

    /// <summary>An integer, written in digits or words.</summary>
    Number,

    /// <summary>An IP prefix (<c>8.8.8.0/24</c>).</summary>
    Prefix,

    /// <summary>An IP address without a length.</summary>
    Address,

    /// <summary>A community (<c>65001:100</c>, <c>1:2:3</c>, or a well-known name such as <c>no-export</c>).</summary>
    Community,

    /// <summary>A router or an ISP of the topology (by id, hostname, AS number or address).</summary>
    Entity,
}
