namespace OrleansNetOps.Runtime.Postgres;

/// <summary>The schema history of the PostgreSQL providers, oldest first.</summary>
internal static class PostgresMigrations
{
    public static IReadOnlyList<PostgresMigration> All { get; } =
    [
        new(1, "grain state", """
            CREATE TABLE {schema}.netops_grain_state (
                grain_type text NOT NULL,
                grain_key text NOT NULL,
                state_name text NOT NULL,
                payload jsonb NOT NULL,
                etag uuid NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (grain_type, grain_key, state_name)
            );
            """),
        new(2, "reminders", """
            CREATE TABLE {schema}.netops_reminders (
                grain_type text NOT NULL,
                grain_key text NOT NULL,
                name text NOT NULL,
                start_at timestamptz NOT NULL,
                period interval NOT NULL,
                etag uuid NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (grain_type, grain_key, name)
            );
            """),
    ];
}
