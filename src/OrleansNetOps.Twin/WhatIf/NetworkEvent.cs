using Orleans;
namespace OrleansNetOps.Twin.WhatIf;

/// <summary>
/// Something that happens to the network rather than something we do: the twin imagines it, nothing can execute
/// it. Named in the API like the actions (<see cref="Kind"/>) and mixed with them in one request.
/// </summary>
[GenerateSerializer]
public abstract record NetworkEvent : TwinChange
{
    /// <summary>The API's name: <c>LINK_DOWN</c>, <c>LINK_UP</c>, <c>ROUTER_DOWN</c>, <c>ISP_ANNOUNCE</c>, <c>ISP_WITHDRAW</c>, <c>EXPORT_LEAK</c>.</summary>
    public abstract string Kind { get; }
}
