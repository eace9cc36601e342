namespace OrleansNetOps.Assistant.Intents;

/// <summary>A node of the topology named in a sentence.</summary>
/// <param name="Id">Its topology id (<c>R2</c>, <c>ISP-B</c>).</param>
/// <param name="IsRouter">One of our routers (else an ISP).</param>
/// <param name="ImpliedRouter">For a session address on a link: our router at the other end.</param>
internal sealed record EntityRef(string Id, bool IsRouter, string? ImpliedRouter = null);
