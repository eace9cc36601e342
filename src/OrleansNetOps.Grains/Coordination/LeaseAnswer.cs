namespace OrleansNetOps.Grains.Coordination;

/// <summary>The coordinator's answer to a lease request.</summary>
/// <param name="Granted">True when the holder now has (or renewed) every object asked for.</param>
/// <param name="Reason">On refusal: which object, and who holds it until when.</param>
[GenerateSerializer, Immutable]
public sealed record LeaseAnswer(bool Granted, string Reason);
