namespace OrleansNetOps.Assistant.Intents;

/// <summary>One token of an operator's sentence after normalisation.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Text">The text as written (lower case), or the canonical form for prefixes and communities.</param>
/// <param name="Lemma">The concept a word stands for (<c>PREPEND</c>, <c>FROM</c>…), else the word itself.</param>
internal sealed record IntentToken(TokenKind Kind, string Text, string Lemma)
{
    /// <summary>The value of a number.</summary>
    public long Value { get; init; }

    /// <summary>A number written as a multiplier ("twice", "3 times", "x3").</summary>
    public bool IsTimes { get; init; }

    /// <summary>A number written after "AS"/"ASN" that names no topology node (an AS to prepend).</summary>
    public bool IsAsn { get; init; }

    /// <summary>The topology node an entity (or an address) names.</summary>
    public EntityRef? Entity { get; init; }

    /// <summary>Whether the token is the concept <paramref name="lemma"/>.</summary>
    public bool Is(string lemma) => Kind == TokenKind.Word && Lemma == lemma;
}
