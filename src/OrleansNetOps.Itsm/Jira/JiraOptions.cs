using System.Collections.Immutable;
using OrleansNetOps.Itsm.Tickets;

namespace OrleansNetOps.Itsm.Jira;

/// <summary>A Jira site (or anything speaking its REST API v2), the project incidents go to, and its workflow's names.</summary>
/// <param name="BaseUrl">The site, e.g. <c>https://example.atlassian.net/</c>.</param>
/// <param name="ProjectKey">The project's key, e.g. <c>OPS</c>.</param>
public sealed record JiraOptions(Uri BaseUrl, string ProjectKey)
{
    /// <summary>Issue type of new tickets.</summary>
    public string IssueType { get; init; } = "Task";

    /// <summary>Basic-auth user (Jira Cloud: the account's e-mail, with <see cref="ApiToken"/>).</summary>
    public string? User { get; init; }

    /// <summary>Basic-auth API token or password.</summary>
    public string? ApiToken { get; init; }

    /// <summary>A personal access token (Jira Data Center), used instead of user and token when set.</summary>
    public string? BearerToken { get; init; }

    /// <summary>The workflow transition that resolves an issue.</summary>
    public string ResolveTransition { get; init; } = "Resolve Issue";

    /// <summary>The status a resolved issue is in (a resolve that finds it there is already done).</summary>
    public string ResolvedStatus { get; init; } = "Resolved";

    /// <summary>The workflow transition that closes an issue.</summary>
    public string CloseTransition { get; init; } = "Close Issue";

    /// <summary>The status a closed issue is in.</summary>
    public string ClosedStatus { get; init; } = "Closed";

    /// <summary>Priority names by severity; empty leaves priority to the project's default (it may not be on the create screen).</summary>
    public ImmutableDictionary<TicketSeverity, string> Priorities { get; init; } = ImmutableDictionary<TicketSeverity, string>.Empty;
}
