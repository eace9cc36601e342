using Npgsql;
using OrleansNetOps.Runtime.Postgres.Tests.Infrastructure;

namespace OrleansNetOps.Runtime.Postgres.Tests.Storage;

public sealed class PostgresGrainStorageTests(PostgresSchemaFixture fixture) : IClassFixture<PostgresSchemaFixture>
{
    private readonly PostgresGrainStorage _storage = new(fixture.Database);

    private static GrainId NewGrain(string key = "edge-1") => new("RouterGrain", key + "-" + Guid.NewGuid().ToString("N"));

    private static RouterSnapshot Snapshot(string name) => new(
        name,
        [
            new PeerSnapshot("192.0.2.1", 64_500, SessionPhase.Established, ["64500:100", "no-export"]),
            new PeerSnapshot("2001:db8::1", 4_200_000_000, SessionPhase.Connect, []),
        ],
        new Dictionary<string, long> { ["updates"] = 1_234_567_890_123, ["withdrawals"] = 0, ["flaps/hour"] = -1 },
        SessionPhase.Established,
        new DateTimeOffset(2025, 3, 14, 15, 9, 26, 535, TimeSpan.FromHours(5.5)),
        12_345.6789m,
        0.000123,
        Guid.NewGuid(),
        null,
        [0, 1, 2, 254, 255]);

    private static void AssertSame(RouterSnapshot expected, RouterSnapshot actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Peers.Count, actual.Peers.Count);
        for (var i = 0; i < expected.Peers.Count; i++)
        {
            Assert.Equal(expected.Peers[i].Address, actual.Peers[i].Address);
            Assert.Equal(expected.Peers[i].Asn, actual.Peers[i].Asn);
            Assert.Equal(expected.Peers[i].Phase, actual.Peers[i].Phase);
            Assert.Equal(expected.Peers[i].Communities, actual.Peers[i].Communities);
        }

        Assert.Equal(expected.Counters.OrderBy(c => c.Key, StringComparer.Ordinal), actual.Counters.OrderBy(c => c.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Phase, actual.Phase);
        Assert.Equal(expected.TakenAt, actual.TakenAt);
        Assert.Equal(expected.TakenAt.Offset, actual.TakenAt.Offset);
        Assert.Equal(expected.MonthlyCost, actual.MonthlyCost);
        Assert.Equal(expected.LossRatio, actual.LossRatio);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Note, actual.Note);
        Assert.Equal(expected.ConfigDigest, actual.ConfigDigest);
    }

    [Fact]
    public async Task Write_then_read_round_trips_a_complex_record()
    {
        var grain = NewGrain();
        var written = Snapshot("edge-1");
        var writer = new GrainState<RouterSnapshot>(written);

        await _storage.WriteStateAsync("snapshot", grain, writer);

        Assert.True(writer.RecordExists);
        Assert.NotNull(writer.ETag);
        var reader = new GrainState<RouterSnapshot>(null!);
        await _storage.ReadStateAsync("snapshot", grain, reader);
        Assert.True(reader.RecordExists);
        Assert.Equal(writer.ETag, reader.ETag);
        AssertSame(written, reader.State);
    }

    [Fact]
    public async Task Unicode_in_state_and_in_keys_round_trips()
    {
        // Combining accent, CJK, right-to-left, astral-plane emoji, quotes and backslashes: all must survive JSONB.
        const string Text = "Zu\u0308rich → 東京 — שלום — 🛰️📡 — \"quoted\" \\ back\\slash — tab\tnew\nline";
        var grain = new GrainId("RouterGrain™", "rtr-東京-" + Guid.NewGuid().ToString("N") + "-'; DROP TABLE x; --");
        var writer = new GrainState<RouterSnapshot>(Snapshot(Text) with { Note = Text });

        await _storage.WriteStateAsync("état-🧭", grain, writer);

        var reader = new GrainState<RouterSnapshot>(null!);
        await _storage.ReadStateAsync("état-🧭", grain, reader);
        Assert.Equal(Text, reader.State.Name);
        Assert.Equal(Text, reader.State.Note);
        Assert.Equal(writer.ETag, reader.ETag);
    }

    [Fact]
    public async Task Payload_is_stored_as_queryable_jsonb_in_the_shared_serialization_shape()
    {
        var grain = NewGrain();
        await _storage.WriteStateAsync("snapshot", grain, new GrainState<RouterSnapshot>(Snapshot("edge-json")));

        var type = await fixture.ScalarAsync(
            $"SELECT jsonb_typeof(payload) || ':' || (payload ->> 'name') || ':' || (payload ->> 'phase') || ':' || (payload -> 'peers' -> 0 ->> 'asn') " +
            $"FROM \"{fixture.Schema}\".netops_grain_state WHERE grain_type = $1 AND grain_key = $2 AND state_name = $3",
            grain.Type, grain.Key, "snapshot");

        // camelCase names and enums by name come from StateSerialization's options.
        Assert.Equal("object:edge-json:Established:64500", type);
    }

    [Fact]
    public async Task Reading_a_missing_record_leaves_the_value_and_reports_no_record()
    {
        var placeholder = Snapshot("default");
        var state = new GrainState<RouterSnapshot>(placeholder) { ETag = "stale", RecordExists = true };

        await _storage.ReadStateAsync("snapshot", NewGrain("missing"), state);

        Assert.Same(placeholder, state.State);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
    }

    [Fact]
    public async Task State_names_and_grains_are_separate_records()
    {
        var grain = NewGrain();
        var other = NewGrain();
        await _storage.WriteStateAsync("a", grain, new GrainState<WriterMark>(new("a", 1)));
        await _storage.WriteStateAsync("b", grain, new GrainState<WriterMark>(new("b", 2)));
        await _storage.WriteStateAsync("a", other, new GrainState<WriterMark>(new("other", 3)));

        var read = new GrainState<WriterMark>(null!);
        await _storage.ReadStateAsync("b", grain, read);
        Assert.Equal(new WriterMark("b", 2), read.State);
        await _storage.ReadStateAsync("a", grain, read);
        Assert.Equal(new WriterMark("a", 1), read.State);
        await _storage.ReadStateAsync("a", other, read);
        Assert.Equal(new WriterMark("other", 3), read.State);
    }

    [Fact]
    public async Task Each_write_issues_a_new_etag_and_a_stale_one_is_refused()
    {
        var grain = NewGrain();
        var state = new GrainState<WriterMark>(new("w", 1));
        await _storage.WriteStateAsync("mark", grain, state);
        var first = state.ETag;

        state.State = new("w", 2);
        await _storage.WriteStateAsync("mark", grain, state);
        var second = state.ETag;
        Assert.NotEqual(first, second);

        var stale = new GrainState<WriterMark>(new("stale", 99)) { ETag = first, RecordExists = true };
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("mark", grain, stale));

        Assert.Equal(second, conflict.StoredETag);
        Assert.Equal(first, conflict.CurrentETag);
        Assert.Contains("mark", conflict.Message, StringComparison.Ordinal);
        Assert.Contains(grain.ToString(), conflict.Message, StringComparison.Ordinal);
        Assert.Contains(second!, conflict.Message, StringComparison.Ordinal);
        Assert.Contains(first!, conflict.Message, StringComparison.Ordinal);
        Assert.Equal(first, stale.ETag);
        var read = new GrainState<WriterMark>(null!);
        await _storage.ReadStateAsync("mark", grain, read);
        Assert.Equal(new WriterMark("w", 2), read.State);
    }

    [Fact]
    public async Task Insert_only_write_conflicts_when_a_record_exists()
    {
        var grain = NewGrain();
        var first = new GrainState<WriterMark>(new("first", 1));
        var second = new GrainState<WriterMark>(new("second", 1));
        await _storage.WriteStateAsync("mark", grain, first);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("mark", grain, second));

        Assert.Equal(first.ETag, conflict.StoredETag);
        Assert.Null(conflict.CurrentETag);
        Assert.Null(second.ETag);
        Assert.False(second.RecordExists);
        var read = new GrainState<WriterMark>(null!);
        await _storage.ReadStateAsync("mark", grain, read);
        Assert.Equal(new WriterMark("first", 1), read.State);
    }

    [Fact]
    public async Task A_held_etag_that_is_not_ours_is_a_conflict()
    {
        var grain = NewGrain();
        var state = new GrainState<WriterMark>(new("w", 1));
        await _storage.WriteStateAsync("mark", grain, state);

        var foreign = new GrainState<WriterMark>(new("x", 1)) { ETag = "42", RecordExists = true };
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("mark", grain, foreign));
        Assert.Equal(state.ETag, conflict.StoredETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearStateAsync("mark", grain, foreign));
    }

    [Fact]
    public async Task Clear_removes_the_record_when_the_etag_matches()
    {
        var grain = NewGrain();
        var state = new GrainState<WriterMark>(new("w", 1));
        await _storage.WriteStateAsync("mark", grain, state);

        await _storage.ClearStateAsync("mark", grain, state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        var read = new GrainState<WriterMark>(new("untouched", 0));
        await _storage.ReadStateAsync("mark", grain, read);
        Assert.False(read.RecordExists);
        Assert.Equal(new WriterMark("untouched", 0), read.State);
        Assert.Equal(0L, await fixture.ScalarAsync(
            $"SELECT count(*) FROM \"{fixture.Schema}\".netops_grain_state WHERE grain_type = $1 AND grain_key = $2", grain.Type, grain.Key));

        // Cleared, a holder starts over with an insert.
        state.State = new("w", 2);
        await _storage.WriteStateAsync("mark", grain, state);
        Assert.True(state.RecordExists);
    }

    [Fact]
    public async Task Clear_with_a_stale_etag_conflicts_and_keeps_the_record()
    {
        var grain = NewGrain();
        var state = new GrainState<WriterMark>(new("w", 1));
        await _storage.WriteStateAsync("mark", grain, state);
        var stale = new GrainState<WriterMark>(state.State) { ETag = state.ETag, RecordExists = true };
        state.State = new("w", 2);
        await _storage.WriteStateAsync("mark", grain, state);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearStateAsync("mark", grain, stale));

        Assert.Equal(state.ETag, conflict.StoredETag);
        var read = new GrainState<WriterMark>(null!);
        await _storage.ReadStateAsync("mark", grain, read);
        Assert.Equal(new WriterMark("w", 2), read.State);
    }

    [Fact]
    public async Task Clear_without_an_etag_is_a_no_op_on_nothing_and_a_conflict_on_something()
    {
        var grain = NewGrain();
        await _storage.ClearStateAsync("mark", grain, new GrainState<WriterMark>(new("nobody", 0)));

        var owner = new GrainState<WriterMark>(new("owner", 1));
        await _storage.WriteStateAsync("mark", grain, owner);
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => _storage.ClearStateAsync("mark", grain, new GrainState<WriterMark>(new("blind", 0))));
        Assert.Equal(owner.ETag, conflict.StoredETag);
        Assert.Null(conflict.CurrentETag);
    }

    [Fact]
    public async Task A_holder_from_before_a_clear_cannot_overwrite_the_record_created_after_it()
    {
        // ABA: with per-record counters the recreated record could carry the old version number again.
        var grain = NewGrain();
        var a = new GrainState<WriterMark>(new("a", 1));
        await _storage.WriteStateAsync("mark", grain, a);
        var old = new GrainState<WriterMark>(new("old", 1)) { ETag = a.ETag, RecordExists = true };
        await _storage.ClearStateAsync("mark", grain, a);
        a.State = new("a", 2);
        await _storage.WriteStateAsync("mark", grain, a);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("mark", grain, old));

        var read = new GrainState<WriterMark>(null!);
        await _storage.ReadStateAsync("mark", grain, read);
        Assert.Equal(new WriterMark("a", 2), read.State);
    }

    [Fact]
    public async Task A_nul_character_is_refused_by_jsonb_at_once_without_retries()
    {
        // PostgreSQL's jsonb cannot hold U+0000. The failure is not transient, so it must surface on the first attempt.
        var grain = NewGrain();
        var retriesBefore = fixture.Database.RetryPolicy.Retries;

        var error = await Assert.ThrowsAsync<PostgresException>(
            () => _storage.WriteStateAsync("mark", grain, new GrainState<WriterMark>(new("nul\0here", 1))));

        Assert.Equal(PostgresErrorCodes.UntranslatableCharacter, error.SqlState);
        Assert.Equal(retriesBefore, fixture.Database.RetryPolicy.Retries);
    }

    [Fact]
    public async Task A_second_pool_on_the_same_schema_sees_the_same_records()
    {
        var grain = NewGrain();
        var state = new GrainState<WriterMark>(new("silo-1", 1));
        await _storage.WriteStateAsync("mark", grain, state);

        var otherSilo = new PostgresGrainStorage(fixture.CreateDatabase());
        var read = new GrainState<WriterMark>(null!);
        await otherSilo.ReadStateAsync("mark", grain, read);

        Assert.Equal(new WriterMark("silo-1", 1), read.State);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task Cancellation_is_honoured()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _storage.WriteStateAsync("mark", NewGrain(), new GrainState<WriterMark>(new("w", 1)), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _storage.ReadStateAsync("mark", NewGrain(), new GrainState<WriterMark>(new("w", 1)), cancelled.Token));
    }
    [Fact]
    public async Task Cancelling_a_write_blocked_on_a_row_lock_abandons_it_and_writes_nothing()
    {
        var grain = NewGrain();
        var state = new GrainState<WriterMark>(new("w", 1));
        await _storage.WriteStateAsync("mark", grain, state);
        var heldETag = state.ETag;

        await using var blocker = await fixture.Database.DataSource.OpenConnectionAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand(
            $"SELECT 1 FROM \"{fixture.Schema}\".netops_grain_state WHERE grain_type = $1 AND grain_key = $2 AND state_name = 'mark' FOR UPDATE",
            blocker, transaction))
        {
            lockRow.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grain.Type });
            lockRow.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grain.Key });
            Assert.Equal(1, await lockRow.ExecuteScalarAsync());
        }

        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        state.State = new("w", 2);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _storage.WriteStateAsync("mark", grain, state, cancellation.Token));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"cancellation took {clock.Elapsed}");
        await transaction.RollbackAsync();

        Assert.Equal(heldETag, state.ETag);
        var read = new GrainState<WriterMark>(null!);
        await _storage.ReadStateAsync("mark", grain, read);
        Assert.Equal(new WriterMark("w", 1), read.State);
        Assert.Equal(heldETag, read.ETag);
    }
}
