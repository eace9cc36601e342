namespace OrleansNetOps.Runtime;

/// <summary>Position of an event in its stream; strictly increasing per stream.</summary>
/// <param name="SequenceNumber">The event's sequence number, starting at 1.</param>
public sealed record StreamSequenceToken(long SequenceNumber);
