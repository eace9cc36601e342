namespace OrleansNetOps.Silo.Auth;

/// <summary>
/// What an API key may do. The roles are ordered: each one includes every role before it,
/// so an <see cref="Approver"/> key may also do what <see cref="Operator"/> and <see cref="Viewer"/> keys do.
/// </summary>
public enum Role
{
    /// <summary>Read network state, incidents, actions and audit.</summary>
    Viewer = 0,

    /// <summary>Acknowledge incidents, propose actions, give feedback.</summary>
    Operator = 1,

    /// <summary>Approve or reject proposed actions.</summary>
    Approver = 2,

    /// <summary>Change policy, autonomy and API keys.</summary>
    Admin = 3,
}
