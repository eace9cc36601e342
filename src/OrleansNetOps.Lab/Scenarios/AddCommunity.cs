namespace OrleansNetOps.Lab.Scenarios;

/// <summary>Adds a standard community, keeping the ones already there.</summary>
/// <param name="Community">In <c>AS:value</c> form, or a well-known name such as <c>no-export</c>.</param>
public sealed record AddCommunity(string Community) : PolicyAction
{
    /// <inheritdoc />
    public override string ToString() => $"community={Community}";
}
