namespace OrleansNetOps.Postgres.Orleans;

/// <summary>
/// The tables and queries Orleans' ADO.NET clustering provider runs on. The provider reads its SQL from the
/// <c>OrleansQuery</c> table (unqualified, so the connection's search path must start with our schema) and talks to it
/// by parameter and result-column name only; the tables are ours. Every conditional write is one statement, so a
/// failed version check changes nothing.
/// </summary>
internal static class OrleansMembershipSchema
{
    /// <summary>The migration step: the query table, the membership tables and their queries.</summary>
    public const string Sql = """
        CREATE TABLE {schema}.orleansquery (
            querykey varchar(64) PRIMARY KEY,
            querytext text NOT NULL
        );

        -- One row per cluster: its version is the optimistic lock every membership change must win.
        CREATE TABLE {schema}.orleans_membership_version (
            deployment_id text PRIMARY KEY,
            changed_at timestamptz NOT NULL DEFAULT now(),
            version integer NOT NULL DEFAULT 0
        );

        -- One row per silo incarnation (address, port and generation); status 3 is Active, 6 is Dead.
        CREATE TABLE {schema}.orleans_membership (
            deployment_id text NOT NULL REFERENCES {schema}.orleans_membership_version (deployment_id),
            address text NOT NULL,
            port integer NOT NULL,
            generation integer NOT NULL,
            silo_name text NOT NULL,
            host_name text NOT NULL,
            status integer NOT NULL,
            proxy_port integer NOT NULL DEFAULT 0,
            suspect_times text,
            start_time timestamptz NOT NULL,
            i_am_alive_time timestamptz NOT NULL,
            PRIMARY KEY (deployment_id, address, port, generation)
        );

        INSERT INTO {schema}.orleansquery (querykey, querytext) VALUES
        ('InsertMembershipVersionKey', $q$
            WITH inserted AS (
                INSERT INTO {schema}.orleans_membership_version (deployment_id) VALUES (@DeploymentId)
                ON CONFLICT DO NOTHING
                RETURNING 1)
            SELECT count(*)::integer FROM inserted
        $q$),
        ('InsertMembershipKey', $q$
            WITH won AS (
                UPDATE {schema}.orleans_membership_version
                SET version = version + 1, changed_at = now()
                WHERE deployment_id = @DeploymentId AND version = @Version
                  AND NOT EXISTS (SELECT 1 FROM {schema}.orleans_membership
                                  WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
                RETURNING deployment_id),
            inserted AS (
                INSERT INTO {schema}.orleans_membership
                    (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
                SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
                FROM won
                RETURNING 1)
            SELECT count(*)::integer FROM inserted
        $q$),
        ('UpdateMembershipKey', $q$
            WITH won AS (
                UPDATE {schema}.orleans_membership_version
                SET version = version + 1, changed_at = now()
                WHERE deployment_id = @DeploymentId AND version = @Version
                  AND EXISTS (SELECT 1 FROM {schema}.orleans_membership
                              WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
                RETURNING deployment_id),
            updated AS (
                UPDATE {schema}.orleans_membership m
                SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = GREATEST(m.i_am_alive_time, @IAmAliveTime)
                FROM won
                WHERE m.deployment_id = won.deployment_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
                RETURNING 1)
            SELECT count(*)::integer FROM updated
        $q$),
        -- Heartbeats never move backwards: a delayed write cannot undo a newer one.
        ('UpdateIAmAlivetimeKey', $q$
            UPDATE {schema}.orleans_membership
            SET i_am_alive_time = GREATEST(i_am_alive_time, @IAmAliveTime)
            WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
        $q$),
        -- The version row comes back even when the silo has no row yet (LEFT JOIN): Orleans needs the version.
        ('MembershipReadRowKey', $q$
            SELECT v.deployment_id AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
                   m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
                   m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive_time AS IAmAliveTime, v.version AS Version
            FROM {schema}.orleans_membership_version v
            LEFT JOIN {schema}.orleans_membership m
              ON m.deployment_id = v.deployment_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
            WHERE v.deployment_id = @DeploymentId
        $q$),
        ('MembershipReadAllKey', $q$
            SELECT v.deployment_id AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
                   m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
                   m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive_time AS IAmAliveTime, v.version AS Version
            FROM {schema}.orleans_membership_version v
            LEFT JOIN {schema}.orleans_membership m ON m.deployment_id = v.deployment_id
            WHERE v.deployment_id = @DeploymentId
        $q$),
        ('DeleteMembershipTableEntriesKey', $q$
            WITH members AS (DELETE FROM {schema}.orleans_membership WHERE deployment_id = @DeploymentId)
            DELETE FROM {schema}.orleans_membership_version WHERE deployment_id = @DeploymentId
        $q$),
        ('GatewaysQueryKey', $q$
            SELECT address AS Address, proxy_port AS ProxyPort, generation AS Generation
            FROM {schema}.orleans_membership
            WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
        $q$),
        -- Orleans prefers the one-row cleanup below, which also weighs recent suspicion votes; this is its fallback.
        ('CleanupDefunctSiloEntriesKey', $q$
            DELETE FROM {schema}.orleans_membership
            WHERE deployment_id = @DeploymentId AND status = 6 AND suspect_times IS NULL
              AND i_am_alive_time < @IAmAliveTime AND start_time < @IAmAliveTime
        $q$),
        -- Deletes a dead silo's row only if it is still exactly the row Orleans judged expired.
        ('CleanupDefunctSiloEntryKey', $q$
            DELETE FROM {schema}.orleans_membership
            WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
              AND status = 6 AND start_time = @StartTime AND i_am_alive_time = @IAmAliveTime
              AND suspect_times IS NOT DISTINCT FROM @SuspectTimes
        $q$);
        """;
}
