using Orleans;

namespace OrleansNetOps.Twin.WhatIf;

/// <summary>One change a what-if applies: a catalogue action (the API's form) or a network event (scenarios).</summary>
[GenerateSerializer]
public abstract record TwinChange
{
    /// <summary>A one-line description for reports.</summary>
    public abstract string Describe();
}
