using System.Collections.Immutable;
using System.Globalization;

namespace OrleansNetOps.Drivers.Frr;

/// <summary>
/// Turns expectations into the vtysh lines that make them true, in an order FRR accepts and that never leaves a
/// dangling reference for longer than the batch: list entries first, then new route-map entries (later sequences
/// first, so a <c>goto</c> target exists before the jump to it), then edited entries, then neighbour lines, then
/// removals of route-map entries and finally of list entries.
/// </summary>
public static class FrrCommandText
{
    // Clauses FRR holds once per entry or neighbour: setting a new value replaces the old, so the old one is not
    // negated (FRR's "no set metric 5" removes whatever metric is set, and "no neighbor X route-map Y in" unbinds
    // the map whatever its name — either would undo the new line).
    private static readonly string[] s_singleValued =
    [
        "set local-preference", "set metric", "set weight", "set as-path prepend", "set community", "set large-community",
        "set comm-list", "set large-comm-list", "set ip next-hop", "set ipv6 next-hop global", "on-match",
        "match ip address prefix-list", "match ipv6 address prefix-list", "match as-path", "match community", "match large-community",
    ];

    /// <summary>The commands, from <c>configure terminal</c> to <c>end</c>; empty when there is nothing to do.</summary>
    public static ImmutableArray<string> For(IEnumerable<DeviceExpectation> expectations)
    {
        ArgumentNullException.ThrowIfNull(expectations);
        var all = expectations.ToList();
        if (all.Count == 0)
        {
            return [];
        }

        var commands = new List<string> { "configure terminal" };
        var top = all.Where(e => e.Context.IsEmpty && !IsRouteMapHeader(e.Line)).ToList();
        var topAbsent = top.Where(e => !e.Present).ToList();
        var emitted = new HashSet<DeviceExpectation>();

        // 1. List entries; an entry replaced at the same sequence is removed first (FRR refuses a second one).
        foreach (var add in top.Where(e => e.Present))
        {
            foreach (var remove in topAbsent.Where(r => !emitted.Contains(r) && ListSlot(r.Line) is { } slot && slot == ListSlot(add.Line)))
            {
                commands.Add(Negate(remove.Line));
                emitted.Add(remove);
            }

            commands.Add(add.Line);
        }

        // 2. Blocks: new route-map entries, then edited ones, then everything under router bgp. An entry whose action
        // changes is removed first, so that the removal cannot hit the new entry at the same sequence.
        var headersAdded = all.Where(e => e.Context.IsEmpty && e.Present && IsRouteMapHeader(e.Line)).Select(e => e.Line).ToHashSet(StringComparer.Ordinal);
        foreach (var replaced in all.Where(e => e.Context.IsEmpty && !e.Present && IsRouteMapHeader(e.Line)
            && headersAdded.Any(h => RouteMapName(h) == RouteMapName(e.Line) && RouteMapSequence(h) == RouteMapSequence(e.Line))))
        {
            commands.Add(Negate(replaced.Line));
            emitted.Add(replaced);
        }

        var groups = all.Where(e => !e.Context.IsEmpty)
            .GroupBy(e => string.Join('\n', e.Context), StringComparer.Ordinal)
            .Select(g => (Context: g.First().Context, Lines: g.ToList()))
            .Concat(headersAdded.Where(h => all.All(e => e.Context.IsEmpty || e.Context[0] != h)).Select(h => (Context: ImmutableArray.Create(h), Lines: new List<DeviceExpectation>())))
            .OrderBy(g => IsRouteMapHeader(g.Context[0]) ? (headersAdded.Contains(g.Context[0]) ? 0 : 1) : 2)
            .ThenBy(g => RouteMapName(g.Context[0]), StringComparer.Ordinal)
            .ThenByDescending(g => RouteMapSequence(g.Context[0]))
            .ThenBy(g => string.Join('\n', g.Context), StringComparer.Ordinal);
        foreach (var (context, lines) in groups)
        {
            commands.AddRange(context);
            var slotsAdded = lines.Where(l => l.Present).Select(l => Slot(l.Line)).ToHashSet(StringComparer.Ordinal);
            commands.AddRange(lines.Where(l => !l.Present && !slotsAdded.Contains(Slot(l.Line))).Select(l => Negate(l.Line)));
            commands.AddRange(lines.Where(l => l.Present).Select(l => l.Line));
            commands.AddRange(context.Reverse().Select(h => h.StartsWith("address-family ", StringComparison.Ordinal) ? "exit-address-family" : "exit"));
        }

        // 3. Removals: route-map entries, then list entries nothing refers to any more.
        commands.AddRange(all.Where(e => e.Context.IsEmpty && !e.Present && IsRouteMapHeader(e.Line) && !emitted.Contains(e)).Select(e => Negate(e.Line)));
        commands.AddRange(topAbsent.Where(r => !emitted.Contains(r)).Select(r => Negate(r.Line)));
        commands.Add("end");
        return [.. commands];
    }

    /// <summary>The command removing <paramref name="line"/>.</summary>
    public static string Negate(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var tokens = line.Split(' ');
        return tokens switch
        {
            ["on-match", "goto", _] => "no on-match goto",
            ["neighbor", var address, "remote-as", ..] => $"no neighbor {address}",
            _ => "no " + line,
        };
    }

    private static string Slot(string line)
    {
        var tokens = line.Split(' ');
        if (tokens is ["neighbor", var address, var kind and ("route-map" or "prefix-list"), _, var direction])
        {
            return $"neighbor {address} {kind} {direction}";
        }

        return s_singleValued.FirstOrDefault(p => line == p || line.StartsWith(p + " ", StringComparison.Ordinal)) ?? line;
    }

    // "ip prefix-list NAME seq 5", "bgp community-list standard NAME seq 5": one entry per sequence.
    private static string? ListSlot(string line)
    {
        var tokens = line.Split(' ');
        var seq = Array.IndexOf(tokens, "seq");
        return seq > 0 && seq + 1 < tokens.Length ? string.Join(' ', tokens[..(seq + 2)]) : null;
    }

    private static bool IsRouteMapHeader(string line) => line.StartsWith("route-map ", StringComparison.Ordinal);

    private static string RouteMapName(string header) =>
        IsRouteMapHeader(header) ? header.Split(' ')[1] : string.Empty;

    private static int RouteMapSequence(string header) =>
        IsRouteMapHeader(header) && int.TryParse(header.Split(' ')[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) ? sequence : 0;
}
