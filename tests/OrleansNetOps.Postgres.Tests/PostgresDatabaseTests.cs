using Npgsql;

namespace OrleansNetOps.Postgres.Tests;

public sealed class PostgresDatabaseTests
{
    private static NpgsqlConnectionStringBuilder Effective(PostgresDatabase database) => new(database.DataSource.ConnectionString);

    [Fact]
    public async Task Options_shape_the_pool_and_auto_preparation_is_on_unless_the_connection_string_says_otherwise()
    {
        await using var defaults = new PostgresDatabase(new PostgresOptions
        {
            ConnectionString = "Host=127.0.0.1;Username=u",
            CommandTimeout = TimeSpan.FromSeconds(7.2),
        });
        Assert.Equal(8, Effective(defaults).CommandTimeout);
        Assert.Equal(16, Effective(defaults).MaxAutoPrepare);
        Assert.Equal("\"public\"", defaults.QuotedSchema);

        await using var explicitZero = new PostgresDatabase(new PostgresOptions { ConnectionString = "Host=127.0.0.1;Username=u;Max Auto Prepare=0" });
        Assert.Equal(0, Effective(explicitZero).MaxAutoPrepare);
    }

    [Fact]
    public async Task The_options_are_copied_so_later_changes_do_not_reach_a_running_database()
    {
        var options = new PostgresOptions { ConnectionString = "Host=127.0.0.1;Username=u", Schema = "first" };
        await using var database = new PostgresDatabase(options);

        options.Schema = "second";

        database.Options.Schema = "third";

        Assert.Equal("first", database.Options.Schema);
        Assert.Equal("first", database.Schema);
        Assert.Equal("\"first\"", database.QuotedSchema);
    }

    [Fact]
    public void Retry_waits_grow_exponentially_with_jitter_and_stay_under_the_cap()
    {
        var policy = new PostgresRetryPolicy(10, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1));

        for (var sample = 0; sample < 200; sample++)
        {
            var first = policy.DelayBeforeRetry(1);
            var third = policy.DelayBeforeRetry(3);
            var tenth = policy.DelayBeforeRetry(10);
            Assert.InRange(first, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100));
            Assert.InRange(third, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400));
            Assert.InRange(tenth, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));
        }
    }
}
