namespace OrleansNetOps.Runtime;

/// <summary>Lets calls to this interface method interleave with any other request of a non-reentrant grain.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true)]
public sealed class AlwaysInterleaveAttribute : Attribute
{
}
