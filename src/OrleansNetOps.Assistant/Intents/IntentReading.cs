using OrleansNetOps.Twin.WhatIf;

namespace OrleansNetOps.Assistant.Intents;

/// <summary>What the offline parser made of a sentence: a catalogue change, or why it could not make one.</summary>
/// <param name="Change">The proposed change; null when the sentence was not understood.</param>
/// <param name="Explanation">How the sentence was read, or what is missing and what the parser can do.</param>
public sealed record IntentReading(CatalogueChange? Change, string Explanation)
{
    /// <summary>Whether a change was read.</summary>
    public bool Understood => Change is not null;
}
