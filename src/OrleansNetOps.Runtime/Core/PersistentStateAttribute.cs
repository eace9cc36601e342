namespace OrleansNetOps.Runtime;

/// <summary>
/// Marks a grain constructor parameter of type <see cref="IPersistentState{TState}"/> to be bound to a named
/// state in a named store. The state is read before <see cref="Grain.OnActivateAsync"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="stateName">The state's name, unique within the grain.</param>
    /// <param name="storageName">The store's name; <see cref="DefaultStorageName"/> when omitted.</param>
    public PersistentStateAttribute(string stateName, string? storageName = null)
    {
        StateName = stateName;
        StorageName = storageName ?? DefaultStorageName;
    }

    /// <summary>The name of the store used when none is given.</summary>
    public const string DefaultStorageName = "Default";

    /// <summary>The state's name.</summary>
    public string StateName { get; }

    /// <summary>The store's name.</summary>
    public string StorageName { get; }
}
