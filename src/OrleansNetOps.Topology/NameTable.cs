namespace OrleansNetOps.Topology;

/// <summary>The names of an enumeration's values as topology.yaml and the API write them, matched case-insensitively.</summary>
internal sealed class NameTable<TValue>(params (string Name, TValue Value)[] names)
    where TValue : struct, Enum
{
    public IEnumerable<string> All => names.Select(n => n.Name);

    public string Name(TValue value) => names.First(n => n.Value.Equals(value)).Name;

    public bool TryParse(string? name, out TValue value)
    {
        foreach (var (candidate, known) in names)
        {
            if (string.Equals(candidate, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = known;
                return true;
            }
        }

        value = default;
        return false;
    }
}
