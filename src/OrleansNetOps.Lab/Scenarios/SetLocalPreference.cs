using System.Globalization;

namespace OrleansNetOps.Lab.Scenarios;

/// <summary>Sets LOCAL_PREF (meaningful inbound).</summary>
/// <param name="Value">The preference; higher wins.</param>
public sealed record SetLocalPreference(uint Value) : PolicyAction
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"local-pref={Value}");
}
