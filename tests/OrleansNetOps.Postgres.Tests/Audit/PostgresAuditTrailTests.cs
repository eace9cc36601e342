using System.Text.Json.Nodes;
using Npgsql;
using OrleansNetOps.Governance.Audit;
using OrleansNetOps.Postgres.Audit;
using OrleansNetOps.Postgres.Tests.Infrastructure;

namespace OrleansNetOps.Postgres.Tests.Audit;

public sealed class PostgresAuditTrailTests : IAsyncLifetime
{
    private static readonly DateTimeOffset s_t0 = new(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);
    private readonly TestSchemas _schemas = new();
    private PostgresDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = new PostgresDatabase(new PostgresOptions { ConnectionString = PostgresTestServer.ConnectionString, Schema = _schemas.Reserve() });
        await _database.EnsureSchemaAsync();
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        await _schemas.DisposeAsync();
    }

    private async Task<PostgresAuditTrail> ChainOfAsync(int count)
    {
        var trail = new PostgresAuditTrail(_database);
        for (var i = 1; i <= count; i++)
        {
            await trail.AppendAsync(AuditRecord.Create("resolver/act-" + i, "decision", "act-" + i, "AUTO_EXECUTE",
                new JsonObject { ["tier"] = "T1", ["blast"] = 0.125 * i, ["note"] = "ISP-A → ISP-B" }), s_t0.AddSeconds(i));
        }

        return trail;
    }

    private async Task<int> SqlAsync(string sql)
    {
        await using var command = _database.DataSource.CreateCommand(sql.Replace("{s}", _database.QuotedSchema, StringComparison.Ordinal));
        return await command.ExecuteNonQueryAsync();
    }

    // A superuser can switch the trigger off; the chain is what catches the change then.
    private Task<int> BypassAsync(string sql) =>
        SqlAsync($"BEGIN; ALTER TABLE {{s}}.netops_audit DISABLE TRIGGER USER; {sql}; ALTER TABLE {{s}}.netops_audit ENABLE TRIGGER USER; COMMIT;");

    [Fact]
    public async Task Entries_come_back_as_appended_linked_and_filtered()
    {
        var trail = await ChainOfAsync(5);
        var all = await trail.QueryAsync(new AuditQuery(null, null, null, 100));
        var newest = await trail.QueryAsync(new AuditQuery(null, null, null, 2));
        var one = await trail.QueryAsync(new AuditQuery(s_t0.AddSeconds(2), s_t0.AddSeconds(4), "act-3", 100));

        Assert.Equal([1L, 2, 3, 4, 5], all.Select(e => e.Seq));
        Assert.Equal(AuditChain.GenesisHash, all[0].PrevHash);
        Assert.All(all.Skip(1).Zip(all), p => Assert.Equal(p.Second.Hash, p.First.PrevHash));
        Assert.Equal([4L, 5], newest.Select(e => e.Seq));
        Assert.Equal(3, Assert.Single(one).Seq);
        Assert.Equal(new AuditVerification(true, 5, null, null), await trail.VerifyAsync());
    }

    [Theory]
    [InlineData("UPDATE {s}.netops_audit SET decision = 'BLOCKED' WHERE seq = 2")]
    [InlineData("DELETE FROM {s}.netops_audit WHERE seq = 2")]
    [InlineData("TRUNCATE {s}.netops_audit")]
    public async Task The_table_refuses_every_change_to_a_stored_entry(string sql)
    {
        await ChainOfAsync(3);
        var error = await Assert.ThrowsAsync<PostgresException>(() => SqlAsync(sql));
        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPDATE {s}.netops_audit SET detail = jsonb_set(detail, '{tier}', '\"T3\"') WHERE seq = 3", 3)]
    [InlineData("UPDATE {s}.netops_audit SET actor = 'mallory' WHERE seq = 4", 4)]
    [InlineData("DELETE FROM {s}.netops_audit WHERE seq = 2", 2)]
    [InlineData("UPDATE {s}.netops_audit SET seq = -3 WHERE seq = 3; UPDATE {s}.netops_audit SET seq = 3 WHERE seq = 4; UPDATE {s}.netops_audit SET seq = 4 WHERE seq = -3", 3)]
    public async Task An_edit_a_deletion_or_a_reordering_behind_the_triggers_back_is_reported_at_the_first_broken_entry(string sql, long firstBroken)
    {
        var trail = await ChainOfAsync(6);
        await BypassAsync(sql);
        var verification = await trail.VerifyAsync();
        Assert.False(verification.Valid);
        Assert.Equal(firstBroken, verification.FirstBrokenSeq);
    }

    [Fact]
    public async Task Two_writers_on_their_own_connections_never_fork_the_chain()
    {
        await using var other = new PostgresDatabase(new PostgresOptions { ConnectionString = PostgresTestServer.ConnectionString, Schema = _database.Schema });
        var a = new PostgresAuditTrail(_database);
        var b = new PostgresAuditTrail(other);
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? a : b)
            .AppendAsync(AuditRecord.Create("w" + (i % 2), "decision", null, "OK", new JsonObject { ["i"] = i }), s_t0.AddMilliseconds(i))));
        var verification = await a.VerifyAsync();
        Assert.True(verification.Valid, verification.Problem);
        Assert.Equal(40, verification.Entries);
    }
}
