namespace OrleansNetOps.Governance.Decisions;

/// <summary>The twin's predicted utilisation of one ISP (shares of capacity; above 1 is overload).</summary>
/// <param name="Isp">ISP id.</param>
/// <param name="UtilisationBefore">Before the change.</param>
/// <param name="UtilisationAfter">After it.</param>
public sealed record IspLoad(string Isp, double UtilisationBefore, double UtilisationAfter);
