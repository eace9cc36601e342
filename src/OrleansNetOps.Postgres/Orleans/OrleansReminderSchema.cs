namespace OrleansNetOps.Postgres.Orleans;

/// <summary>
/// The table and queries Orleans' ADO.NET reminder service runs on. Each silo reads the reminders of its own slice of
/// the consistent-hash ring (by <c>grain_hash</c>), so the ring queries are indexed on it.
/// </summary>
internal static class OrleansReminderSchema
{
    /// <summary>The migration step.</summary>
    public const string Sql = """
        CREATE TABLE {schema}.orleans_reminders (
            service_id text NOT NULL,
            grain_id text NOT NULL,
            reminder_name text NOT NULL,
            start_time timestamptz NOT NULL,
            period_ms bigint NOT NULL,
            grain_hash integer NOT NULL,
            version integer NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name)
        );
        CREATE INDEX orleans_reminders_ring ON {schema}.orleans_reminders (service_id, grain_hash);

        INSERT INTO {schema}.orleansquery (querykey, querytext) VALUES
        ('UpsertReminderRowKey', $q$
            INSERT INTO {schema}.orleans_reminders AS r (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
            VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
            ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
            SET start_time = excluded.start_time, period_ms = excluded.period_ms, grain_hash = excluded.grain_hash, version = r.version + 1
            RETURNING version AS Version
        $q$),
        ('ReadReminderRowsKey', $q$
            SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
            FROM {schema}.orleans_reminders
            WHERE service_id = @ServiceId AND grain_id = @GrainId
        $q$),
        ('ReadReminderRowKey', $q$
            SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
            FROM {schema}.orleans_reminders
            WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
        $q$),
        -- A ring range that does not wrap around the signed hash space.
        ('ReadRangeRows1Key', $q$
            SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
            FROM {schema}.orleans_reminders
            WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
        $q$),
        -- A ring range that wraps: everything above its start and everything up to its end.
        ('ReadRangeRows2Key', $q$
            SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
            FROM {schema}.orleans_reminders
            WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
        $q$),
        ('DeleteReminderRowKey', $q$
            WITH deleted AS (
                DELETE FROM {schema}.orleans_reminders
                WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version
                RETURNING 1)
            SELECT count(*)::integer FROM deleted
        $q$),
        ('DeleteReminderRowsKey', $q$
            DELETE FROM {schema}.orleans_reminders WHERE service_id = @ServiceId
        $q$);
        """;
}
