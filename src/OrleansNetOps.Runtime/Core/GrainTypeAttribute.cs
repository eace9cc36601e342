namespace OrleansNetOps.Runtime;

/// <summary>
/// Names the grain type stably (it keys persisted state and reminders); without it the class name is used.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public GrainTypeAttribute(string name) => Name = name;

    /// <summary>The grain type name.</summary>
    public string Name { get; }
}
