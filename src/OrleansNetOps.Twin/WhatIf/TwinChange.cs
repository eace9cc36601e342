using Orleans;

namespace OrleansNetOps.Twin.WhatIf;

/// <summary>
/// One change a what-if applies: an action we can take (<see cref="CatalogueChange"/>, the API's catalogue) or a
/// <see cref="NetworkEvent"/> that happens to us (a fibre cut, an ISP withdrawing a prefix).
/// </summary>
[GenerateSerializer]
public abstract record TwinChange
{
    /// <summary>
    /// Where the change sits in the request it came from, e.g. <c>changes[3]</c>, for errors; null means its position
    /// in <see cref="WhatIfRequest.Changes"/>. One API change may become several (an announcement of three prefixes).
    /// </summary>
    [field: Id(100)]
    public string? Position { get; init; }

    /// <summary>A one-line description for reports.</summary>
    public abstract string Describe();
}
