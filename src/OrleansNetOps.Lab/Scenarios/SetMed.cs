using System.Globalization;

namespace OrleansNetOps.Lab.Scenarios;

/// <summary>Sets MULTI_EXIT_DISC.</summary>
/// <param name="Value">The metric; lower wins among paths from the same neighbouring AS.</param>
public sealed record SetMed(uint Value) : PolicyAction
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"med={Value}");
}
