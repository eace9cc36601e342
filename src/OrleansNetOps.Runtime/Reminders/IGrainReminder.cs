namespace OrleansNetOps.Runtime;

/// <summary>A handle to a registered reminder.</summary>
public interface IGrainReminder
{
    /// <summary>The reminder's name.</summary>
    string ReminderName { get; }
}
