using YamlDotNet.RepresentationModel;

namespace OrleansNetOps.Configuration;

/// <summary>Collects problems while a configuration is read, and knows where each node came from.</summary>
public sealed class ConfigDiagnostics(string sourceName)
{
    private readonly Dictionary<YamlNode, string> _environmentOrigins = new(ReferenceEqualityComparer.Instance);
    private readonly List<ConfigError> _errors = [];

    public string SourceName => sourceName;

    public IReadOnlyList<ConfigError> Errors => _errors;

    public void MarkFromEnvironment(YamlNode node, string variable) => _environmentOrigins[node] = variable;

    public bool IsFromEnvironment(YamlNode node) => _environmentOrigins.ContainsKey(node);

    public string Locate(YamlNode node) =>
        _environmentOrigins.TryGetValue(node, out var variable)
            ? variable
            : $"{sourceName}:{node.Start.Line}:{node.Start.Column}";

    public void Report(YamlNode node, string path, string message) => _errors.Add(new ConfigError(Locate(node), path, message));

    public void Report(string location, string path, string message) => _errors.Add(new ConfigError(location, path, message));

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new ConfigException(_errors.ToList());
        }
    }
}
