using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace OrleansNetOps.Runtime;

/// <summary>What the runtime knows about one grain class: its type name, how to construct it, its options.</summary>
internal sealed class GrainClassMetadata
{
    private readonly ConstructorInfo _constructor;
    private readonly ParameterInfo[] _parameters;

    public GrainClassMetadata(Type classType)
    {
        ClassType = classType;
        TypeName = classType.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? classType.Name;
        IsReentrant = classType.IsDefined(typeof(ReentrantAttribute), inherit: true);
        ImplicitStreamNamespaces = [.. classType.GetCustomAttributes<ImplicitStreamSubscriptionAttribute>(inherit: true).Select(a => a.Namespace)];
        var constructors = classType.GetConstructors();
        if (constructors.Length == 0)
        {
            throw new InvalidOperationException($"Grain class {classType.FullName} has no public constructor.");
        }

        _constructor = constructors.OrderByDescending(c => c.GetParameters().Length).First();
        _parameters = _constructor.GetParameters();
        foreach (var parameter in _parameters)
        {
            if (parameter.GetCustomAttribute<PersistentStateAttribute>() is not null &&
                (!parameter.ParameterType.IsGenericType || parameter.ParameterType.GetGenericTypeDefinition() != typeof(IPersistentState<>)))
            {
                throw new InvalidOperationException(
                    $"Parameter '{parameter.Name}' of {classType.FullName} has [PersistentState] but is not IPersistentState<T>.");
            }
        }
    }

    public Type ClassType { get; }

    public string TypeName { get; }

    public bool IsReentrant { get; }

    public IReadOnlyList<string> ImplicitStreamNamespaces { get; }

    public Grain CreateInstance(GrainActivation activation)
    {
        var services = activation.Runtime.Services;
        var args = new object?[_parameters.Length];
        var states = new List<IStateLoader>();
        for (var i = 0; i < _parameters.Length; i++)
        {
            var parameter = _parameters[i];
            var attribute = parameter.GetCustomAttribute<PersistentStateAttribute>();
            if (attribute is null)
            {
                args[i] = services.GetService(parameter.ParameterType) ?? (parameter.HasDefaultValue
                    ? parameter.DefaultValue
                    : throw new InvalidOperationException(
                        $"Cannot construct grain {ClassType.Name}: no service registered for parameter '{parameter.Name}' ({parameter.ParameterType.Name})."));
                continue;
            }

            var storage = services.GetKeyedService<IGrainStorage>(attribute.StorageName)
                ?? throw new InvalidOperationException(
                    $"Grain {ClassType.Name} wants state '{attribute.StateName}' in store '{attribute.StorageName}', which is not registered.");
            var stateType = typeof(PersistentState<>).MakeGenericType(parameter.ParameterType.GetGenericArguments()[0]);
            var state = Activator.CreateInstance(stateType, attribute.StateName, activation.GrainId, storage)!;
            states.Add((IStateLoader)state);
            args[i] = state;
        }

        var grain = (Grain)_constructor.Invoke(args);
        grain.States = states;
        return grain;
    }

    public IReadOnlyList<IStateLoader> StatesOf(Grain grain) => grain.States;
}
