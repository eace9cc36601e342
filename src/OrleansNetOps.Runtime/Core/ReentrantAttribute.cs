namespace OrleansNetOps.Runtime;

/// <summary>
/// Lets every request to the grain interleave with the others at await points. Turns still never overlap:
/// the grain's code runs on one thread at a time.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute
{
}
