using System.Reflection;

namespace OrleansNetOps.Runtime;

/// <summary>
/// The object behind a grain reference: turns interface calls into requests. It remembers the activation
/// it last reached so a hot reference skips the directory lookup.
/// </summary>
internal class GrainProxy : DispatchProxy
{
    internal GrainRuntime Runtime { get; private set; } = null!;

    internal GrainId TargetId { get; private set; }

    internal GrainActivation? CachedActivation { get; set; }

    internal void Bind(GrainRuntime runtime, GrainId target)
    {
        Runtime = runtime;
        TargetId = target;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is GrainProxy other && other.TargetId == TargetId;

    /// <inheritdoc />
    public override int GetHashCode() => TargetId.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => $"GrainReference({TargetId})";

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        Runtime.Registry.Method(targetMethod!).Dispatcher.Invoke(this, args ?? []);
}
