using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;

namespace OrleansNetOps.Runtime;

/// <summary>Maps grain interfaces to grain classes and grain type names to classes; holds method descriptors.</summary>
internal sealed class GrainTypeRegistry
{
    private readonly FrozenDictionary<Type, GrainClassMetadata> _byInterface;
    private readonly FrozenDictionary<string, GrainClassMetadata> _byTypeName;
    private readonly FrozenDictionary<Type, string> _ambiguous;
    private readonly ConcurrentDictionary<MethodInfo, MethodDescriptor> _methods = new();

    public GrainTypeRegistry(IEnumerable<Type> grainClasses)
    {
        var classes = grainClasses.Distinct().Select(t => new GrainClassMetadata(t)).ToList();
        var duplicateNames = classes.GroupBy(c => c.TypeName).Where(g => g.Count() > 1).ToList();
        if (duplicateNames.Count > 0)
        {
            throw new InvalidOperationException(
                $"Grain type name '{duplicateNames[0].Key}' is used by {string.Join(", ", duplicateNames[0].Select(c => c.ClassType.FullName))}; give one a [GrainType] name.");
        }

        _byTypeName = classes.ToFrozenDictionary(c => c.TypeName);
        var byInterface = new Dictionary<Type, GrainClassMetadata>();
        var ambiguous = new Dictionary<Type, string>();
        foreach (var grainClass in classes)
        {
            foreach (var grainInterface in grainClass.ClassType.GetInterfaces().Where(IsGrainInterface))
            {
                if (byInterface.TryGetValue(grainInterface, out var other))
                {
                    ambiguous[grainInterface] = $"{other.ClassType.FullName} and {grainClass.ClassType.FullName}";
                }
                else
                {
                    byInterface[grainInterface] = grainClass;
                }
            }
        }

        _byInterface = byInterface.ToFrozenDictionary();
        _ambiguous = ambiguous.ToFrozenDictionary();
        Classes = classes;
    }

    public IReadOnlyList<GrainClassMetadata> Classes { get; }

    public static bool IsGrainInterface(Type type) =>
        type.IsInterface && typeof(IGrain).IsAssignableFrom(type) && type != typeof(IGrain) &&
        type != typeof(IGrainWithStringKey) && type != typeof(IRemindable);

    public static bool IsGrainClass(Type type) =>
        type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && typeof(Grain).IsAssignableFrom(type);

    public GrainClassMetadata ForInterface(Type grainInterface)
    {
        if (_ambiguous.TryGetValue(grainInterface, out var which))
        {
            throw new InvalidOperationException($"Grain interface {grainInterface.Name} is implemented by {which}; it must have exactly one grain class.");
        }

        return _byInterface.TryGetValue(grainInterface, out var grainClass)
            ? grainClass
            : throw new InvalidOperationException(
                $"No registered grain class implements {grainInterface.FullName}. Register its assembly with AddGrains().");
    }

    public GrainClassMetadata ForTypeName(string typeName) =>
        _byTypeName.TryGetValue(typeName, out var grainClass)
            ? grainClass
            : throw new InvalidOperationException($"Unknown grain type '{typeName}'.");

    public MethodDescriptor Method(MethodInfo method) => _methods.GetOrAdd(method, MethodDescriptor.Create);

    /// <summary>Builds every descriptor of an interface up front, so a bad signature fails at GetGrain, not at the first call.</summary>
    public void Prepare(Type grainInterface)
    {
        foreach (var type in grainInterface.GetInterfaces().Append(grainInterface))
        {
            foreach (var method in type.GetMethods())
            {
                Method(method);
            }
        }
    }
}
