using System.Collections.Immutable;
using OrleansNetOps.Configuration;
using YamlDotNet.RepresentationModel;

namespace OrleansNetOps.Drivers.Runbooks;

/// <summary>
/// Reads the <c>runbooks:</c> list of <c>runbooks.yaml</c> into <see cref="RunbookDefinition"/>s, every problem
/// positioned. A step is an HTTP call (<c>method</c>, <c>url</c>, <c>headers</c>, <c>body</c>...) or a program
/// (<c>program</c>, <c>arguments</c>, <c>environment</c>...). A header or environment value may be
/// <c>{ fromEnvironment: NAME }</c>: the secret is read from the service's environment when the file is loaded, so it
/// is written in no file, and the driver prints only that the header was set.
/// </summary>
public static class RunbookReader
{
    private const int MaxTimeoutSeconds = 3600;

    /// <summary>Reads the list under <paramref name="name"/> of <paramref name="top"/>.</summary>
    /// <param name="top">The file's top-level section.</param>
    /// <param name="name">The list's field name (<c>runbooks</c>).</param>
    /// <param name="environment">The service's environment variables, for <c>fromEnvironment</c> values.</param>
    /// <returns>Each runbook with the section it came from (for cross-checks), in file order; problems go to the section's diagnostics.</returns>
    public static IReadOnlyList<(RunbookDefinition Runbook, YamlSection Section)> Read(YamlSection top, string name, IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(top);
        ArgumentNullException.ThrowIfNull(environment);
        var result = new List<(RunbookDefinition, YamlSection)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in top.Sections(name) ?? [])
        {
            var id = section.String("name");
            if (string.IsNullOrWhiteSpace(id))
            {
                section.Report(section.Anchor, section.Child("name"), "required: the runbook's name (what a fault mapping names)");
            }
            else if (!seen.Add(id))
            {
                section.Report(section.Value("name")!, section.Child("name"), $"runbook '{id}' is defined more than once");
            }

            var run = Step(section.Section("run"), environment);
            if (section.Value("run") is null)
            {
                section.Report(section.Anchor, section.Child("run"), "required: the step that applies the remedy");
            }

            var definition = new RunbookDefinition(id ?? string.Empty, run ?? new ScriptRunbookStep("/bin/false", []))
            {
                Check = Optional(section, "check", environment),
                Verify = Optional(section, "verify", environment),
                Snapshot = Optional(section, "snapshot", environment),
                Undo = Optional(section, "undo", environment),
            };
            section.Finish();
            result.Add((definition, section));
        }

        return result;
    }

    private static RunbookStep? Optional(YamlSection runbook, string name, IReadOnlyDictionary<string, string?> environment) =>
        runbook.Value(name) is null ? null : Step(runbook.Section(name), environment);

    private static RunbookStep? Step(YamlSection step, IReadOnlyDictionary<string, string?> environment)
    {
        if (!step.IsPresent)
        {
            return null;
        }

        var url = step.String("url");
        var program = step.String("program");
        var timeout = TimeSpan.FromSeconds(step.Int("timeoutSeconds", 60, 1, MaxTimeoutSeconds));
        var expect = step.String("expectOutput");
        RunbookStep? result = null;
        if (url is not null && program is not null)
        {
            step.Report(step.Value("program")!, step.Child("program"), "a step is either an HTTP call (url) or a program, not both");
        }
        else if (url is not null)
        {
            var method = (step.String("method") ?? "POST").Trim().ToUpperInvariant();
            if (method is not ("GET" or "POST" or "PUT" or "PATCH" or "DELETE"))
            {
                step.Report(step.Value("method")!, step.Child("method"), $"'{method}' is not one of GET, POST, PUT, PATCH, DELETE");
            }

            // A template may fill the host or path, so only the fixed scheme can be checked here; the driver checks the rest.
            if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                step.Report(step.Value("url")!, step.Child("url"), $"'{url}' is not an http:// or https:// URL");
            }

            result = new HttpRunbookStep(method, url)
            {
                Headers = Values(step, "headers", environment).ToImmutableSortedDictionary(StringComparer.OrdinalIgnoreCase),
                Body = step.String("body"),
                ContentType = step.String("contentType") ?? "application/json",
                SuccessStatuses = [.. Numbers(step, "successStatuses", 100, 599)],
                Timeout = timeout,
                ExpectOutput = expect,
            };
        }
        else if (program is not null)
        {
            if (!Path.IsPathRooted(program))
            {
                step.Report(step.Value("program")!, step.Child("program"), $"'{program}' is not an absolute path (the service's PATH is not the operator's)");
            }

            var exitCodes = Numbers(step, "successExitCodes", 0, 255);
            result = new ScriptRunbookStep(program, [.. step.Strings("arguments")?.Select(a => a.Text) ?? []])
            {
                Environment = Values(step, "environment", environment).ToImmutableSortedDictionary(StringComparer.Ordinal),
                WorkingDirectory = step.String("workingDirectory"),
                SuccessExitCodes = exitCodes.Count == 0 ? [0] : [.. exitCodes],
                Timeout = timeout,
                ExpectOutput = expect,
            };
        }
        else
        {
            step.Report(step.Anchor, step.Path, "a step needs url (an HTTP call) or program (a script)");
        }

        // Read every field of both kinds so that one of the other kind is reported as unknown only when it is not ours.
        foreach (var other in url is not null ? s_scriptFields : program is not null ? s_httpFields : [])
        {
            if (step.Value(other) is { } stray)
            {
                step.Report(stray, step.Child(other), url is not null ? "not a field of an HTTP step" : "not a field of a program step");
            }
        }

        step.Finish();
        return result;
    }

    private static readonly string[] s_httpFields = ["method", "headers", "body", "contentType", "successStatuses"];
    private static readonly string[] s_scriptFields = ["arguments", "environment", "workingDirectory", "successExitCodes"];

    private static List<int> Numbers(YamlSection step, string name, long minimum, long maximum) =>
        [.. step.Longs(name, minimum, maximum)?.Select(v => (int)v) ?? []];

    // A mapping of names to templates, or to { fromEnvironment: NAME } for a secret.
    private static Dictionary<string, string> Values(YamlSection step, string name, IReadOnlyDictionary<string, string?> environment)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var node = step.Value(name);
        if (node is null)
        {
            return result;
        }

        var path = step.Child(name);
        if (node is not YamlMappingNode mapping)
        {
            step.Report(node, path, "expected a section of names and values");
            return result;
        }

        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key })
            {
                step.Report(keyNode, path, "a name must be plain text");
                continue;
            }

            var where = $"{path}.{key}";
            if (valueNode is YamlScalarNode { Value: { } text })
            {
                result[key] = text;
                continue;
            }

            var variable = valueNode is YamlMappingNode { Children.Count: 1 } secret
                && secret.Children.First() is ({ } k, YamlScalarNode { Value: { } v }) && k is YamlScalarNode { Value: "fromEnvironment" }
                ? v
                : null;
            if (string.IsNullOrWhiteSpace(variable))
            {
                step.Report(valueNode, where, "expected a text value or { fromEnvironment: NAME }");
            }
            else if (environment.GetValueOrDefault(variable) is { Length: > 0 } value)
            {
                result[key] = value;
            }
            else
            {
                step.Report(valueNode, where, $"the environment variable {variable} is not set");
            }
        }

        return result;
    }
}
