using System.Collections.Frozen;
using System.Collections.Immutable;

namespace OrleansNetOps.Drivers.Frr;

/// <summary>
/// An FRR 8.4 configuration as <c>show running-config</c> prints it, as a tree: a block is a line followed by
/// deeper-indented lines or directly by its <c>exit</c> (<c>route-map X permit 10</c> / <c>exit</c>), closed by
/// <c>exit</c>, <c>exit-address-family</c>, <c>exit-vrf</c> or <c>exit-vni</c> at its own indentation.
/// The <c>Building configuration...</c> header, <c>!</c> separators and <c>end</c> are dropped.
/// </summary>
public sealed class FrrRunningConfig
{
    private static readonly FrozenSet<string> s_exits = FrozenSet.Create(StringComparer.Ordinal, "exit", "exit-address-family", "exit-vrf", "exit-vni", "quit");

    private FrrRunningConfig(ImmutableArray<FrrConfigNode> nodes) => Nodes = nodes;

    /// <summary>The top-level lines and blocks, in order.</summary>
    public ImmutableArray<FrrConfigNode> Nodes { get; }

    /// <summary>Reads <paramref name="text"/>.</summary>
    public static FrrRunningConfig Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var raw = text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        var start = Array.FindIndex(raw, l => l.Trim() == "Current configuration:") + 1;
        var lines = new List<(int Indent, string Text, int Number)>();
        for (var i = start; i < raw.Length; i++)
        {
            var trimmed = raw[i].Trim();
            if (trimmed.Length == 0 || trimmed == "!" || trimmed == "end")
            {
                continue;
            }

            lines.Add((raw[i].Length - raw[i].TrimStart().Length, trimmed, i + 1));
        }

        var index = 0;
        return new FrrRunningConfig(Level(lines, ref index, 0));
    }

    /// <summary>The nodes inside the block reached through <paramref name="context"/> (the top level when empty), or null when there is no such block.</summary>
    public ImmutableArray<FrrConfigNode>? Inside(IReadOnlyList<string> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var nodes = Nodes;
        foreach (var header in context)
        {
            var block = nodes.FirstOrDefault(n => n.Text == header);
            if (block is null)
            {
                return null;
            }

            nodes = block.Children;
        }

        return nodes;
    }

    /// <summary>Whether <paramref name="line"/> is there inside <paramref name="context"/>.</summary>
    public bool Contains(IReadOnlyList<string> context, string line) =>
        Inside(context) is { } nodes && nodes.Any(n => n.Text == line);

    /// <summary>Every line with its context, depth first: the flattened form compared line by line.</summary>
    public IEnumerable<string> Flatten()
    {
        var stack = new Stack<(FrrConfigNode Node, string Prefix)>();
        foreach (var node in Nodes.Reverse())
        {
            stack.Push((node, string.Empty));
        }

        while (stack.Count > 0)
        {
            var (node, prefix) = stack.Pop();
            var path = prefix + node.Text;
            yield return path;
            foreach (var child in node.Children.Reverse())
            {
                stack.Push((child, path + " › "));
            }
        }
    }

    private static ImmutableArray<FrrConfigNode> Level(List<(int Indent, string Text, int Number)> lines, ref int index, int indent)
    {
        var nodes = ImmutableArray.CreateBuilder<FrrConfigNode>();
        while (index < lines.Count)
        {
            var (depth, text, number) = lines[index];
            if (depth < indent || (s_exits.Contains(text) && depth <= indent))
            {
                // The enclosing block ends here; its caller consumes the exit.
                break;
            }

            index++;
            var opensBlock = index < lines.Count
                && (lines[index].Indent > depth || (s_exits.Contains(lines[index].Text) && lines[index].Indent == depth));
            if (!opensBlock)
            {
                nodes.Add(new FrrConfigNode(text, [], number));
                continue;
            }

            var children = Level(lines, ref index, depth + 1);
            if (index < lines.Count && s_exits.Contains(lines[index].Text) && lines[index].Indent == depth)
            {
                index++;
            }

            nodes.Add(new FrrConfigNode(text, children, number));
        }

        return nodes.ToImmutable();
    }
}
