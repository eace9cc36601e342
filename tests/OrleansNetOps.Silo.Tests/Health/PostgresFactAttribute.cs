namespace OrleansNetOps.Silo.Tests.Health;

/// <summary>
/// A fact that needs the PostgreSQL server named by <c>NETOPS_TEST_POSTGRES</c>. Without it the test fails and says
/// how to start one: a green run must mean the storage was exercised against a server.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "NETOPS_TEST_POSTGRES";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set: run eval \"$(scripts/start-test-postgres.sh)\" first (scripts/test-all.sh does).");
}
