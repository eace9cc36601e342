namespace OrleansNetOps.Grains.Coordination;

/// <summary>A change to the autonomy controls (<c>PUT /api/v1/autonomy</c>); null fields stay as they are.</summary>
/// <param name="By">Who.</param>
/// <param name="Phase"><c>passive</c>, <c>semi</c> or <c>autonomous</c>.</param>
/// <param name="KillSwitch">Engage (true) or release (false).</param>
/// <param name="Reason">Why, for the audit.</param>
[GenerateSerializer, Immutable]
public sealed record AutonomyUpdate(string By, string? Phase, bool? KillSwitch, string? Reason);
