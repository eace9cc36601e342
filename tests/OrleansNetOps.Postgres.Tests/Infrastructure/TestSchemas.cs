using Npgsql;

namespace OrleansNetOps.Postgres.Tests.Infrastructure;

/// <summary>Hands out fresh schema names and drops every one of them when disposed.</summary>
internal sealed class TestSchemas : IAsyncDisposable
{
    private readonly List<string> _names = [];
    private readonly Lock _gate = new();

    public static string NewName() => "netops_test_" + Guid.NewGuid().ToString("N");

    public string Reserve()
    {
        var name = NewName();
        lock (_gate)
        {
            _names.Add(name);
        }

        return name;
    }

    public async ValueTask DisposeAsync()
    {
        string[] names;
        lock (_gate)
        {
            names = [.. _names];
            _names.Clear();
        }

        if (names.Length == 0)
        {
            return;
        }

        await using var dataSource = NpgsqlDataSource.Create(PostgresTestServer.ConnectionString);
        foreach (var name in names)
        {
            // Names come from NewName (a prefix and hex digits), so quoting them is enough.
            await using var command = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{name}\" CASCADE");
            await command.ExecuteNonQueryAsync();
        }
    }
}
