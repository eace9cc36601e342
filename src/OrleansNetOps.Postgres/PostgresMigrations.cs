using OrleansNetOps.Postgres.Orleans;

namespace OrleansNetOps.Postgres;

/// <summary>The project's PostgreSQL schema history, oldest first; an applied step is never edited, a change is a new step.</summary>
internal static class PostgresMigrations
{
    public static IReadOnlyList<PostgresMigration> All { get; } =
    [
        new(1, "time series", """
            CREATE TABLE {schema}.netops_ts_series (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                router text NOT NULL,
                path text NOT NULL,
                tags jsonb NOT NULL DEFAULT '{}'::jsonb,
                UNIQUE (router, path)
            );
            -- No foreign key: it would be checked per row and halve COPY throughput; series rows are never deleted.
            -- seq keeps write order among points with equal times.
            CREATE TABLE {schema}.netops_ts_points (
                series_id bigint NOT NULL,
                t timestamptz NOT NULL,
                v double precision NOT NULL,
                seq bigint GENERATED ALWAYS AS IDENTITY
            );
            CREATE INDEX netops_ts_points_series_time ON {schema}.netops_ts_points (series_id, t);
            CREATE INDEX netops_ts_points_time ON {schema}.netops_ts_points USING brin (t);
            CREATE TABLE {schema}.netops_ts_rollups_1m (
                series_id bigint NOT NULL,
                minute timestamptz NOT NULL,
                avg double precision NOT NULL,
                min double precision NOT NULL,
                max double precision NOT NULL,
                count bigint NOT NULL,
                PRIMARY KEY (series_id, minute)
            );
            """),
        new(2, "orleans membership", OrleansMembershipSchema.Sql),
        new(3, "orleans grain state", OrleansGrainStateSchema.Sql),
        new(4, "orleans reminders", OrleansReminderSchema.Sql),
    ];
}
