using System.Reflection;

namespace OrleansNetOps.Runtime;

/// <summary>The grain classes the runtime knows, collected from registered assemblies.</summary>
public sealed class GrainRegistrations
{
    private readonly HashSet<Type> _classes = [];

    /// <summary>The registered grain classes.</summary>
    public IReadOnlyCollection<Type> GrainClasses => _classes;

    /// <summary>Registers every grain class of an assembly.</summary>
    public void AddAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var type in assembly.GetTypes().Where(GrainTypeRegistry.IsGrainClass))
        {
            _classes.Add(type);
        }
    }

    /// <summary>Registers one grain class.</summary>
    public void Add(Type grainClass)
    {
        if (!GrainTypeRegistry.IsGrainClass(grainClass))
        {
            throw new ArgumentException($"{grainClass.FullName} is not a concrete Grain class.", nameof(grainClass));
        }

        _classes.Add(grainClass);
    }
}
