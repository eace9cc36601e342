using System.Collections.Immutable;

namespace OrleansNetOps.Drivers.Runbooks;

/// <summary>
/// An HTTP call. Fields substituted into <paramref name="Url"/> are percent-encoded, into a JSON body JSON-escaped,
/// into headers refused when they hold a line break: a field can fill a value, never change the request's shape.
/// </summary>
/// <param name="Method"><c>GET</c>, <c>POST</c>, <c>PUT</c>, <c>PATCH</c> or <c>DELETE</c>.</param>
/// <param name="Url">An absolute http(s) URL template, e.g. <c>https://deploy/api/services/{{service}}/rollback</c>.</param>
public sealed record HttpRunbookStep(string Method, string Url) : RunbookStep
{
    /// <summary>Header templates (e.g. <c>Authorization</c>).</summary>
    public ImmutableSortedDictionary<string, string> Headers { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Body template; sent with <see cref="ContentType"/>.</summary>
    public string? Body { get; init; }

    /// <summary>The body's media type; <c>application/json</c> bodies get JSON-escaped field values.</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>Statuses that count as success; empty means any 2xx.</summary>
    public ImmutableArray<int> SuccessStatuses { get; init; } = [];
}
