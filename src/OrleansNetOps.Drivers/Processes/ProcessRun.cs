using System.Collections.Immutable;

namespace OrleansNetOps.Drivers.Processes;

/// <summary>
/// A program to run without a shell: <see cref="Arguments"/> reach it as its argv, one entry each, so nothing in
/// them is ever parsed as shell syntax.
/// </summary>
/// <param name="Program">The executable (a path, or a name looked up on PATH).</param>
/// <param name="Arguments">Its arguments.</param>
public sealed record ProcessRun(string Program, ImmutableArray<string> Arguments)
{
    /// <summary>Written to its standard input, which is then closed; null closes it at once.</summary>
    public string? StandardInput { get; init; }

    /// <summary>Killed (with its children) after this long.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Characters kept of each of stdout and stderr; the rest is read and dropped.</summary>
    public int OutputLimit { get; init; } = 1 << 20;

    /// <summary>Working directory; null inherits ours.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables added to (or replacing in) the inherited environment.</summary>
    public ImmutableSortedDictionary<string, string> Environment { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>The command line for logs and audit: arguments quoted where they need it, never executed as such.</summary>
    public override string ToString() =>
        string.Join(' ', new[] { Program }.Concat(Arguments).Select(Quote));

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,@+%".Contains(c))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
