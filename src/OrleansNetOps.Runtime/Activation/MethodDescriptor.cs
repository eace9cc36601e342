using System.Linq.Expressions;
using System.Reflection;

namespace OrleansNetOps.Runtime;

/// <summary>Everything the runtime needs to call one grain interface method, built once per method.</summary>
internal sealed class MethodDescriptor
{
    private MethodDescriptor(MethodInfo method, ResultShape shape, Type resultType, Func<object, object?[], Task> invoker)
    {
        Method = method;
        Shape = shape;
        ResultType = resultType;
        Invoker = invoker;
        Name = $"{method.DeclaringType!.Name}.{method.Name}";
        AlwaysInterleave = method.IsDefined(typeof(AlwaysInterleaveAttribute), inherit: true);
        var parameters = method.GetParameters();
        CancellationTokenIndex = Array.FindIndex(parameters, p => p.ParameterType == typeof(CancellationToken));
        Dispatcher = (MethodDispatcher)Activator.CreateInstance(typeof(MethodDispatcher<>).MakeGenericType(resultType), this)!;
    }

    public enum ResultShape
    {
        Task,
        TaskOfT,
        ValueTask,
        ValueTaskOfT,
    }

    public MethodInfo Method { get; }

    public string Name { get; }

    public ResultShape Shape { get; }

    /// <summary>The awaited result type; <see cref="object"/> for methods without a result.</summary>
    public Type ResultType { get; }

    public bool HasResult => Shape is ResultShape.TaskOfT or ResultShape.ValueTaskOfT;

    public bool AlwaysInterleave { get; }

    public int CancellationTokenIndex { get; }

    /// <summary>Calls the method on a grain instance; value tasks come back as tasks.</summary>
    public Func<object, object?[], Task> Invoker { get; }

    public MethodDispatcher Dispatcher { get; }

    public static MethodDescriptor Create(MethodInfo method)
    {
        var returnType = method.ReturnType;
        (ResultShape shape, Type resultType) = returnType switch
        {
            _ when returnType == typeof(Task) => (ResultShape.Task, typeof(object)),
            _ when returnType == typeof(ValueTask) => (ResultShape.ValueTask, typeof(object)),
            { IsGenericType: true } when returnType.GetGenericTypeDefinition() == typeof(Task<>) => (ResultShape.TaskOfT, returnType.GetGenericArguments()[0]),
            { IsGenericType: true } when returnType.GetGenericTypeDefinition() == typeof(ValueTask<>) => (ResultShape.ValueTaskOfT, returnType.GetGenericArguments()[0]),
            _ => throw new InvalidOperationException(
                $"Grain method {method.DeclaringType!.FullName}.{method.Name} returns {returnType.Name}; grain methods must return Task, Task<T>, ValueTask or ValueTask<T>."),
        };
        if (method.IsGenericMethodDefinition)
        {
            throw new InvalidOperationException($"Grain method {method.DeclaringType!.FullName}.{method.Name} is generic; generic grain methods are not supported.");
        }

        var parameters = method.GetParameters();
        if (parameters.Any(p => p.ParameterType.IsByRef))
        {
            throw new InvalidOperationException($"Grain method {method.DeclaringType!.FullName}.{method.Name} has a ref/out/in parameter; grain calls pass values only.");
        }

        return new MethodDescriptor(method, shape, resultType, CompileInvoker(method, parameters, shape));
    }

    private static Func<object, object?[], Task> CompileInvoker(MethodInfo method, ParameterInfo[] parameters, ResultShape shape)
    {
        var instance = Expression.Parameter(typeof(object), "grain");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var arguments = parameters.Select((p, i) =>
            (Expression)Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType));
        Expression call = Expression.Call(Expression.Convert(instance, method.DeclaringType!), method, arguments);
        if (shape is ResultShape.ValueTask or ResultShape.ValueTaskOfT)
        {
            call = Expression.Call(call, method.ReturnType.GetMethod(nameof(ValueTask.AsTask))!);
        }

        return Expression.Lambda<Func<object, object?[], Task>>(Expression.Convert(call, typeof(Task)), instance, args).Compile();
    }
}
