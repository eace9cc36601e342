namespace OrleansNetOps.Runtime;

/// <summary>Turns a proxy call into a request and gives the caller a task of the method's own shape.</summary>
internal abstract class MethodDispatcher
{
    public abstract object Invoke(GrainProxy proxy, object?[] args);
}

/// <summary>The result-typed half of <see cref="MethodDispatcher"/>.</summary>
internal sealed class MethodDispatcher<T>(MethodDescriptor descriptor) : MethodDispatcher
{
    public override object Invoke(GrainProxy proxy, object?[] args)
    {
        var runtime = proxy.Runtime;
        var token = descriptor.CancellationTokenIndex >= 0 && args[descriptor.CancellationTokenIndex] is CancellationToken t ? t : default;
        var request = new MethodRequest<T>(descriptor, args, RequestContext.Current, runtime.NewDeadline(), token);
        runtime.Dispatch(proxy, request);
        return descriptor.Shape switch
        {
            MethodDescriptor.ResultShape.Task or MethodDescriptor.ResultShape.TaskOfT => request.Task,
            MethodDescriptor.ResultShape.ValueTask => new ValueTask(request.Task),
            _ => new ValueTask<T>(request.Task),
        };
    }
}
