namespace OrleansNetOps.Runtime;

/// <summary>Lets the silo find the memory stream providers to stop them.</summary>
internal sealed record MemoryStreamProviderRegistration(MemoryStreamProvider Provider);
