namespace OrleansNetOps.Silo.Auth;

/// <summary>
/// Carries a problem's <c>detail</c> from where a status is decided (authentication, authorization) to the
/// status-code-pages writer, which only sees the status.
/// </summary>
internal static class ProblemDetailText
{
    private static readonly object Key = new();

    public static void Set(HttpContext context, string detail) => context.Items[Key] = detail;

    public static string? Get(HttpContext context) => context.Items.TryGetValue(Key, out var value) ? value as string : null;
}
