using System.Collections.Immutable;

namespace OrleansNetOps.Drivers.Runbooks;

/// <summary>
/// Runs a program with an argument list. Each template in <paramref name="Arguments"/> becomes exactly one argv
/// entry whatever the incident's fields contain: there is no shell, so nothing in a field is ever parsed as syntax.
/// </summary>
/// <param name="Program">The executable (absolute path recommended).</param>
/// <param name="Arguments">Argument templates, e.g. <c>--service</c>, <c>{{service}}</c>.</param>
public sealed record ScriptRunbookStep(string Program, ImmutableArray<string> Arguments) : RunbookStep
{
    /// <summary>Exit codes that count as success.</summary>
    public ImmutableArray<int> SuccessExitCodes { get; init; } = [0];

    /// <summary>Environment variables (values are templates) added for the run.</summary>
    public ImmutableSortedDictionary<string, string> Environment { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>Working directory; null inherits the service's.</summary>
    public string? WorkingDirectory { get; init; }
}
