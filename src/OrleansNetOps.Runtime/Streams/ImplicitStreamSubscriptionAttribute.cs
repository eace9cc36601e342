namespace OrleansNetOps.Runtime;

/// <summary>
/// Subscribes every grain of the class to every stream of a namespace whose key equals the grain's key:
/// an event on such a stream activates the grain, which subscribes in <see cref="Grain.OnActivateAsync"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class ImplicitStreamSubscriptionAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public ImplicitStreamSubscriptionAttribute(string streamNamespace) => Namespace = streamNamespace;

    /// <summary>The stream namespace.</summary>
    public string Namespace { get; }
}
