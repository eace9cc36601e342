using OrleansNetOps.Runtime.Postgres.Tests.Infrastructure;

namespace OrleansNetOps.Runtime.Postgres.Tests.Storage;

/// <summary>
/// Many holders read the same version and then write at once. The database must let exactly one through per round,
/// refuse the rest with <see cref="InconsistentStateException"/>, and keep the winner's value.
/// </summary>
public sealed class RacingWriterTests(PostgresSchemaFixture fixture) : IClassFixture<PostgresSchemaFixture>
{
    [Fact]
    public async Task Two_writers_racing_on_one_state_one_wins_each_round_and_nothing_is_overwritten()
    {
        // Each writer has its own pool, as two silos holding a duplicate activation would.
        var silos = new[] { new PostgresGrainStorage(fixture.CreateDatabase()), new PostgresGrainStorage(fixture.CreateDatabase()) };
        await RaceAsync(silos, rounds: 150);
    }

    [Fact]
    public async Task Sixteen_writers_racing_on_one_state_one_wins_each_round_and_nothing_is_overwritten()
    {
        var shared = new PostgresGrainStorage(fixture.CreateDatabase());
        await RaceAsync(Enumerable.Repeat(shared, 16).ToArray(), rounds: 40);
    }

    private static async Task RaceAsync(PostgresGrainStorage[] writers, int rounds)
    {
        var grain = new GrainId("PeerGrain", "race-" + Guid.NewGuid().ToString("N"));
        var observer = writers[0];
        var wins = new int[writers.Length];

        for (var round = 0; round < rounds; round++)
        {
            var holders = new GrainState<WriterMark>[writers.Length];
            for (var i = 0; i < writers.Length; i++)
            {
                holders[i] = new GrainState<WriterMark>(new WriterMark("none", -1));
                await writers[i].ReadStateAsync("mark", grain, holders[i]);
            }

            // Round 0 finds no record: then every writer holds a null ETag and the race is over the insert.
            var readETag = holders[0].ETag;
            Assert.All(holders, h => Assert.Equal(readETag, h.ETag));
            Assert.Equal(round == 0, readETag is null);

            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var attempts = new Task<Exception?>[writers.Length];

            // Started in a different (seeded, repeatable) order each round, so no writer gets a head start every time.
            var order = Enumerable.Range(0, writers.Length).ToArray();
            new Random(round).Shuffle(order);
            foreach (var i in order)
            {
                var writer = writers[i];
                var holder = holders[i];
                holder.State = new WriterMark($"writer-{i}", round);
                attempts[i] = Task.Run(async () =>
                {
                    await start.Task;
                    try
                    {
                        await writer.WriteStateAsync("mark", grain, holder);
                        return null;
                    }
                    catch (InconsistentStateException conflict)
                    {
                        return (Exception)conflict;
                    }
                });
            }

            start.SetResult();
            var outcomes = await Task.WhenAll(attempts);

            var winners = Enumerable.Range(0, writers.Length).Where(i => outcomes[i] is null).ToArray();
            Assert.True(winners.Length == 1, $"round {round}: {winners.Length} writers succeeded");
            var winner = winners[0];
            wins[winner]++;
            var winnerETag = holders[winner].ETag;
            Assert.NotEqual(readETag, winnerETag);

            for (var i = 0; i < writers.Length; i++)
            {
                if (i == winner)
                {
                    continue;
                }

                var conflict = Assert.IsType<InconsistentStateException>(outcomes[i]);
                Assert.Equal(readETag, conflict.CurrentETag);
                Assert.Equal(winnerETag, conflict.StoredETag);
                Assert.Equal(readETag, holders[i].ETag);
            }

            var stored = new GrainState<WriterMark>(new WriterMark("none", -1));
            await observer.ReadStateAsync("mark", grain, stored);
            Assert.Equal(new WriterMark($"writer-{winner}", round), stored.State);
            Assert.Equal(winnerETag, stored.ETag);
        }

        // Not a fairness requirement, only evidence the race was real: more than one writer must have won sometimes.
        Assert.True(wins.Count(w => w > 0) > 1, $"one writer won every round ({string.Join(",", wins)}); the writes were not concurrent");
    }
}
