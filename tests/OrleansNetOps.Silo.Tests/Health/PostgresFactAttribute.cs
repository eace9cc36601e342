namespace OrleansNetOps.Silo.Tests.Health;

/// <summary>A fact that needs a PostgreSQL server named by <c>NETOPS_TEST_POSTGRES</c>; skipped (and says so) without it.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "NETOPS_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"{Variable} is not set (scripts/start-test-postgres.sh prints it)";
        }
    }

    public static string ConnectionString => Environment.GetEnvironmentVariable(Variable)!;
}
