namespace OrleansNetOps.Postgres.Tests.Infrastructure;

/// <summary>Where the real PostgreSQL the tests run against is.</summary>
internal static class PostgresTestServer
{
    public const string Variable = "NETOPS_TEST_POSTGRES";

    /// <summary>
    /// The connection string from <see cref="Variable"/>. Missing is a failure, not a skip: a green run must mean
    /// the storage was exercised against a server.
    /// </summary>
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set, and these tests need a real PostgreSQL server. From the repository root, as root, run: " +
                "eval \"$(scripts/start-test-postgres.sh)\"  and then run the tests again in the same shell.");
}
