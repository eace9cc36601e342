using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansNetOps.Bgp.Policy;

namespace OrleansNetOps.Drivers.Simulated;

/// <summary>
/// The configuration of the simulated network's routers: per router, the catalogue changes in force, one canonical
/// line each (<c>{"action":…,"params":{…}}</c>). The simulator recomputes its routes from it at its next step, so a
/// change shows in the BMP it streams. Shared by the driver (which writes) and the simulator (which reads).
/// </summary>
public sealed class SimulatedPolicy
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private readonly Lock _gate = new();
    private ImmutableSortedDictionary<string, ImmutableArray<string>> _lines = ImmutableSortedDictionary.Create<string, ImmutableArray<string>>(StringComparer.Ordinal);

    /// <summary>Bumped on every change, so the simulator knows when to recompute.</summary>
    public long Version { get; private set; }

    /// <summary>How many times a line was added (what the driver really sent), for operators and tests.</summary>
    public long Applies { get; private set; }

    /// <summary>The canonical line of a catalogue change.</summary>
    public static string Line(string action, ActionParameters parameters) =>
        JsonSerializer.Serialize(new PolicyLine(action, parameters ?? new ActionParameters()), s_json);

    /// <summary>Reads a line back.</summary>
    /// <exception cref="JsonException">The line is not one of ours.</exception>
    public static (string Action, ActionParameters Parameters) Parse(string line)
    {
        var parsed = JsonSerializer.Deserialize<PolicyLine>(line, s_json) ?? throw new JsonException("an empty policy line");
        return (parsed.Action, parsed.Params);
    }

    /// <summary>The router's configuration text: its lines in order, one per line.</summary>
    public string Text(string router)
    {
        lock (_gate)
        {
            return _lines.TryGetValue(router, out var lines) ? string.Join('\n', lines) : string.Empty;
        }
    }

    /// <summary>Every router's lines (what the simulator applies).</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<string>> All
    {
        get
        {
            lock (_gate)
            {
                return _lines;
            }
        }
    }

    /// <summary>Adds a line to a router unless it is there; true when it was added.</summary>
    public bool Add(string router, string line)
    {
        lock (_gate)
        {
            var lines = _lines.GetValueOrDefault(router, []);
            if (lines.Contains(line))
            {
                return false;
            }

            _lines = _lines.SetItem(router, lines.Add(line));
            Version++;
            Applies++;
            return true;
        }
    }

    /// <summary>Replaces a router's configuration with <paramref name="text"/> (a snapshot's).</summary>
    public void Restore(string router, string text)
    {
        lock (_gate)
        {
            var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToImmutableArray();
            _lines = lines.IsEmpty ? _lines.Remove(router) : _lines.SetItem(router, lines);
            Version++;
        }
    }

    private sealed record PolicyLine(string Action, ActionParameters Params);
}
