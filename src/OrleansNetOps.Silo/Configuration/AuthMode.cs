namespace OrleansNetOps.Silo.Configuration;

/// <summary>How callers are authenticated.</summary>
public enum AuthMode
{
    /// <summary>Nobody is asked for a key and every request acts as an admin.</summary>
    None,

    /// <summary>Every API request needs <c>Authorization: Bearer &lt;key&gt;</c>.</summary>
    ApiKey,
}
