namespace OrleansNetOps.Runtime;

/// <summary>Implemented by grains that receive durable reminders.</summary>
public interface IRemindable : IGrain
{
    /// <summary>Called on each reminder tick; activates the grain if needed.</summary>
    Task ReceiveReminder(string reminderName, TickStatus status);
}
