namespace OrleansNetOps.Runtime;

/// <summary>Identity of a stream: a namespace (what kind of data) and a key (whose).</summary>
/// <param name="Namespace">The stream namespace, e.g. <c>telemetry.bmp</c>.</param>
/// <param name="Key">The key, e.g. a router id.</param>
public readonly record struct StreamId(string Namespace, string Key)
{
    /// <summary>Creates a stream id.</summary>
    public static StreamId Create(string streamNamespace, string key) => new(streamNamespace, key);

    /// <inheritdoc />
    public override string ToString() => $"{Namespace}/{Key}";
}
