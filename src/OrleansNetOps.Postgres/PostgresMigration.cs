namespace OrleansNetOps.Postgres;

/// <summary>One step of the providers' schema history. Applied steps are never edited; changes are new steps.</summary>
/// <param name="Version">Position in the history, starting at 1, without gaps.</param>
/// <param name="Name">A short description, recorded with the version.</param>
/// <param name="Sql">The DDL; <c>{schema}</c> stands for the quoted schema name.</param>
public sealed record PostgresMigration(int Version, string Name, string Sql);
