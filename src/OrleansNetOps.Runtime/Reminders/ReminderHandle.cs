namespace OrleansNetOps.Runtime;

/// <summary>The runtime's reminder handle: name plus the ETag it was registered with.</summary>
internal sealed record ReminderHandle(string ReminderName, string ETag) : IGrainReminder;
