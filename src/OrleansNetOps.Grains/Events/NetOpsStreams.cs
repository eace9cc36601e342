using Orleans.Runtime;

namespace OrleansNetOps.Grains.Events;

/// <summary>
/// The streams grains publish on (provider <see cref="Provider"/>): analysts' findings, which the incident side
/// consumes, and the live feed's events. One stream of each per domain; the embedded default has one domain.
/// </summary>
public static class NetOpsStreams
{
    /// <summary>The stream provider every silo configures.</summary>
    public const string Provider = "Default";

    /// <summary>Namespace of the findings streams (items: <c>OrleansNetOps.Analytics.Findings.Finding</c>).</summary>
    public const string FindingsNamespace = "netops.findings";

    /// <summary>Namespace of the live-feed streams (items: <see cref="NetOpsEvent"/>).</summary>
    public const string EventsNamespace = "netops.events";

    /// <summary>The domain every silo serves unless told otherwise.</summary>
    public const string DefaultDomain = "default";

    /// <summary>The findings stream of a domain.</summary>
    /// <param name="domain">The domain.</param>
    /// <returns>The stream id.</returns>
    public static StreamId Findings(string domain = DefaultDomain) => StreamId.Create(FindingsNamespace, domain);

    /// <summary>The live-feed stream of a domain.</summary>
    /// <param name="domain">The domain.</param>
    /// <returns>The stream id.</returns>
    public static StreamId Events(string domain = DefaultDomain) => StreamId.Create(EventsNamespace, domain);
}
