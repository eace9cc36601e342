using OrleansNetOps.Bgp.Messages;

namespace OrleansNetOps.Bgp.Bmp;

/// <summary>
/// An <see cref="IRouteSink"/> that also learns which monitored RIB each Route Monitoring message belongs
/// to, before its routes arrive (see <see cref="BmpReader.DecodeRoutes{TSink}"/>).
/// </summary>
public interface IBmpRouteSink : IRouteSink
{
    /// <summary>Called once per Route Monitoring message, after it has been validated and before its routes.</summary>
    void BeginUpdate(in BmpRoutePeer peer);
}
