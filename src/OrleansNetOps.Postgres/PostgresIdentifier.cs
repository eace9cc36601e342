using System.Text.RegularExpressions;

namespace OrleansNetOps.Postgres;

/// <summary>
/// Schema names are the one part of our SQL that cannot be a parameter, so they are held to a strict identifier
/// shape and always double-quoted.
/// </summary>
internal static partial class PostgresIdentifier
{
    /// <summary>Returns <paramref name="name"/> double-quoted, or throws when it is not a plain identifier.</summary>
    public static string Quote(string name)
    {
        if (name is null || !PlainIdentifier().IsMatch(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a usable PostgreSQL schema name: use 1 to 63 ASCII letters, digits or underscores, not starting with a digit.",
                nameof(name));
        }

        return "\"" + name + "\"";
    }

    // 63 bytes is PostgreSQL's identifier limit (NAMEDATALEN - 1); longer names would be silently truncated.
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainIdentifier();
}
