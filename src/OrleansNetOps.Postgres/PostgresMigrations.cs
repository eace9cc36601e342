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
        new(2, "telemetry read models", """
            -- What the listeners receive, shared by every silo's API. Entries are kept whole as jsonb beside the columns
            -- queries filter on; retention deletes by time, hence the BRIN indexes.
            CREATE TABLE {schema}.netops_logs (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                t timestamptz NOT NULL,
                received_at timestamptz NOT NULL,
                router text NOT NULL,
                source text NOT NULL,
                transport text NOT NULL,
                severity smallint NOT NULL,
                host text,
                app_name text,
                message text NOT NULL,
                payload jsonb NOT NULL
            );
            CREATE INDEX netops_logs_router_time ON {schema}.netops_logs (router, t);
            CREATE INDEX netops_logs_time ON {schema}.netops_logs USING brin (t);
            CREATE TABLE {schema}.netops_traps (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                t timestamptz NOT NULL,
                router text,
                source text NOT NULL,
                payload jsonb NOT NULL
            );
            CREATE INDEX netops_traps_router_time ON {schema}.netops_traps (router, t);
            CREATE INDEX netops_traps_time ON {schema}.netops_traps USING brin (t);
            CREATE TABLE {schema}.netops_alerts (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                t timestamptz NOT NULL,
                router text,
                source text NOT NULL,
                payload jsonb NOT NULL
            );
            CREATE INDEX netops_alerts_router_time ON {schema}.netops_alerts (router, t);
            CREATE INDEX netops_alerts_time ON {schema}.netops_alerts USING brin (t);
            -- One row per router, one-minute window, grouping and key; silos receiving the same router's flows add up.
            CREATE TABLE {schema}.netops_flow_volumes (
                router text NOT NULL,
                window_start timestamptz NOT NULL,
                kind smallint NOT NULL,
                key text NOT NULL,
                bytes numeric(20) NOT NULL,
                packets numeric(20) NOT NULL,
                flows bigint NOT NULL,
                PRIMARY KEY (router, window_start, kind, key)
            );
            CREATE INDEX netops_flow_volumes_time ON {schema}.netops_flow_volumes USING brin (window_start);
            """),
        new(3, "orleans membership", OrleansMembershipSchema.Sql),
        new(4, "orleans grain state", OrleansGrainStateSchema.Sql),
        new(5, "orleans reminders", OrleansReminderSchema.Sql),
        new(6, "audit trail", """
            -- Append-only: the trigger refuses every change to a stored entry; the hash chain shows what gets past it.
            CREATE TABLE {schema}.netops_audit (
                seq bigint PRIMARY KEY,
                at timestamptz NOT NULL,
                actor text NOT NULL,
                kind text NOT NULL,
                action_id text,
                decision text NOT NULL,
                detail jsonb NOT NULL,
                hash text NOT NULL,
                prev_hash text NOT NULL
            );
            CREATE INDEX netops_audit_action ON {schema}.netops_audit (action_id, seq);
            CREATE INDEX netops_audit_time ON {schema}.netops_audit USING brin (at);
            CREATE FUNCTION {schema}.netops_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'netops_audit is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
            END
            $$;
            CREATE TRIGGER netops_audit_no_change BEFORE UPDATE OR DELETE ON {schema}.netops_audit
                FOR EACH ROW EXECUTE FUNCTION {schema}.netops_audit_append_only();
            CREATE TRIGGER netops_audit_no_truncate BEFORE TRUNCATE ON {schema}.netops_audit
                FOR EACH STATEMENT EXECUTE FUNCTION {schema}.netops_audit_append_only();
            """),
    ];
}
