namespace OrleansNetOps.Runtime;

/// <summary>A durable reminder as stored in a reminder table.</summary>
/// <param name="GrainId">The grain the reminder belongs to.</param>
/// <param name="Name">The reminder name, unique per grain.</param>
/// <param name="StartAt">When the first tick is due.</param>
/// <param name="Period">The interval between ticks.</param>
/// <param name="ETag">The version tag of the stored row.</param>
public sealed record ReminderEntry(GrainId GrainId, string Name, DateTimeOffset StartAt, TimeSpan Period, string? ETag = null);
