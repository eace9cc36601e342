namespace OrleansNetOps.Itsm.ServiceNow;

/// <summary>A ServiceNow instance (or anything speaking its Table API) and how to sign in.</summary>
/// <param name="BaseUrl">The instance, e.g. <c>https://example.service-now.com/</c>.</param>
public sealed record ServiceNowOptions(Uri BaseUrl)
{
    /// <summary>Basic-auth user (with <see cref="Password"/>).</summary>
    public string? User { get; init; }

    /// <summary>Basic-auth password.</summary>
    public string? Password { get; init; }

    /// <summary>An OAuth bearer token, used instead of user and password when set.</summary>
    public string? BearerToken { get; init; }

    /// <summary>The resolution code sent when resolving (<c>close_code</c>).</summary>
    public string CloseCode { get; init; } = "Solved (Permanently)";

    /// <summary>Optional assignment group sys_id or name for new incidents.</summary>
    public string? AssignmentGroup { get; init; }
}
