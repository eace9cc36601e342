using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OrleansNetOps.Silo.Configuration;

namespace OrleansNetOps.Silo.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;api key&gt;</c>. In <c>auth.mode: none</c> every request is an admin.
/// Challenges and refusals set the status and a problem <c>detail</c>; the status-code-pages middleware writes the body.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyRegistry registry,
    StoredKeys stored)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (registry.Mode == AuthMode.None)
        {
            var principal = SiloClaims.For(SiloClaims.AnonymousAdminName(AuthMode.None), Role.Admin, "auth-mode-none", SchemeName);
            return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
        }

        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        const string bearer = "Bearer ";
        if (!header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) || header.Length == bearer.Length)
        {
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer <api key>'.");
        }

        var presented = header[bearer.Length..].Trim();
        await stored.RefreshIfStaleAsync(missed: false, Context.RequestAborted).ConfigureAwait(false);
        var identity = registry.Find(presented);
        if (identity is null)
        {
            // Perhaps added on another silo a moment ago.
            await stored.RefreshIfStaleAsync(missed: true, Context.RequestAborted).ConfigureAwait(false);
            identity = registry.Find(presented);
        }

        if (identity is null)
        {
            Logger.LogWarning("Rejected an unknown API key from {RemoteAddress}", Context.Connection.RemoteIpAddress);
            return AuthenticateResult.Fail("The API key is not known.");
        }

        var ticket = new AuthenticationTicket(SiloClaims.For(identity.Name, identity.Role, identity.Source, SchemeName), SchemeName);
        return AuthenticateResult.Success(ticket);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = result.Failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        ProblemDetailText.Set(Context, result.Failure?.Message ?? "This endpoint needs an API key: send 'Authorization: Bearer <api key>'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
