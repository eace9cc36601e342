namespace OrleansNetOps.Twin.Model;

/// <summary>
/// What one ISP actually sent to one of our edge routers (from live state, e.g. BMP pre-policy). When given, it
/// replaces the ISP's topology announcements on that session.
/// </summary>
/// <param name="Router">Our edge router's id.</param>
/// <param name="Isp">The ISP's id.</param>
/// <param name="Routes">The pre-policy Adj-RIB-In of that session.</param>
public sealed record ExternalFeed(string Router, string Isp, IReadOnlyList<ReceivedRoute> Routes);
