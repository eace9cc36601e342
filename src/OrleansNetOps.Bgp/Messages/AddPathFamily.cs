using OrleansNetOps.Bgp.Prefixes;

namespace OrleansNetOps.Bgp.Messages;

/// <summary>One AFI/SAFI entry of the ADD-PATH capability.</summary>
/// <param name="Family">The family.</param>
/// <param name="Direction">Send, receive or both.</param>
public readonly record struct AddPathFamily(AfiSafi Family, AddPathDirection Direction);
