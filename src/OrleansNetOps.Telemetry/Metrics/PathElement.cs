namespace OrleansNetOps.Telemetry.Metrics;

/// <summary>One element of an OpenConfig / gNMI-style path: a name and optional list keys.</summary>
/// <param name="Name">Element name, e.g. <c>interface</c>.</param>
/// <param name="Keys">Keys in the order written, e.g. <c>name=eth0</c>.</param>
public sealed record PathElement(string Name, IReadOnlyList<KeyValuePair<string, string>> Keys)
{
    /// <summary>Value of a key, or null.</summary>
    public string? this[string key] => Keys.FirstOrDefault(k => k.Key == key).Value;

    /// <inheritdoc />
    public override string ToString() =>
        Name + string.Concat(Keys.Select(k => $"[{k.Key}={k.Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal)}]"));
}
