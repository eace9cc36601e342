namespace OrleansNetOps.Runtime;

/// <summary>
/// Identity of a grain in the cluster: the grain class's type name and its string key.
/// There is at most one activation per <see cref="GrainId"/>.
/// </summary>
/// <param name="Type">The grain type name (the implementation class name, stable across releases).</param>
/// <param name="Key">The primary key string.</param>
public readonly record struct GrainId(string Type, string Key)
{
    /// <inheritdoc />
    public override string ToString() => $"{Type}/{Key}";
}
