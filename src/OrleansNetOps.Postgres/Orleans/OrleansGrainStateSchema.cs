namespace OrleansNetOps.Postgres.Orleans;

/// <summary>
/// The table and queries Orleans' ADO.NET grain storage runs on. The provider hands over the serialized state as bytes;
/// the silo serializes with System.Text.Json, and these queries keep the text in a <c>json</c> column (not <c>jsonb</c>,
/// which would reorder keys) so that operators can read and query state with plain SQL.
/// </summary>
internal static class OrleansGrainStateSchema
{
    /// <summary>The migration step.</summary>
    public const string Sql = """
        -- A grain's identity is its type and id (two 64-bit halves, or a string in grain_id_extension) within a service;
        -- the hashes only narrow the index search. version is the state's ETag.
        CREATE TABLE {schema}.orleans_grain_state (
            service_id text NOT NULL,
            grain_type text NOT NULL,
            grain_type_hash integer NOT NULL,
            grain_id_hash integer NOT NULL,
            grain_id_n0 bigint NOT NULL,
            grain_id_n1 bigint NOT NULL,
            grain_id_extension text,
            payload json,
            version integer NOT NULL,
            modified_at timestamptz NOT NULL DEFAULT now()
        );
        -- Unique, so two activations racing to create the same state cannot both succeed.
        CREATE UNIQUE INDEX orleans_grain_state_key ON {schema}.orleans_grain_state
            (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, grain_type, (coalesce(grain_id_extension, '')), service_id);

        INSERT INTO {schema}.orleansquery (querykey, querytext) VALUES
        ('ReadFromStorageKey', $q$
            SELECT convert_to(payload::text, 'UTF8') AS PayloadBinary, version AS Version
            FROM {schema}.orleans_grain_state
            WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
              AND grain_type = @GrainTypeString AND coalesce(grain_id_extension, '') = coalesce(@GrainIdExtensionString, '')
              AND service_id = @ServiceId
        $q$),
        -- With a version: update that version only. Without: create, unless a row exists. The answer is the new version,
        -- or the caller's own when nothing was written, which Orleans reports as a conflict.
        ('WriteToStorageKey', $q$
            WITH updated AS (
                UPDATE {schema}.orleans_grain_state
                SET payload = convert_from(@PayloadBinary, 'UTF8')::json, version = version + 1, modified_at = now()
                WHERE @GrainStateVersion::integer IS NOT NULL AND version = @GrainStateVersion::integer
                  AND grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
                  AND grain_type = @GrainTypeString AND coalesce(grain_id_extension, '') = coalesce(@GrainIdExtensionString, '')
                  AND service_id = @ServiceId
                RETURNING version),
            inserted AS (
                INSERT INTO {schema}.orleans_grain_state
                    (service_id, grain_type, grain_type_hash, grain_id_hash, grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
                SELECT @ServiceId, @GrainTypeString, @GrainTypeHash, @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
                       convert_from(@PayloadBinary, 'UTF8')::json, 1
                WHERE @GrainStateVersion::integer IS NULL
                ON CONFLICT DO NOTHING
                RETURNING version)
            SELECT coalesce((SELECT version FROM updated), (SELECT version FROM inserted), @GrainStateVersion::integer) AS NewGrainStateVersion
        $q$),
        -- Clearing keeps the row (and so the version sequence) with no payload.
        ('ClearStorageKey', $q$
            UPDATE {schema}.orleans_grain_state
            SET payload = NULL, version = version + 1, modified_at = now()
            WHERE version = @GrainStateVersion::integer
              AND grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
              AND grain_type = @GrainTypeString AND coalesce(grain_id_extension, '') = coalesce(@GrainIdExtensionString, '')
              AND service_id = @ServiceId
            RETURNING version AS NewGrainStateVersion
        $q$);
        """;
}
