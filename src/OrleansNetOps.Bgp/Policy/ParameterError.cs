namespace OrleansNetOps.Bgp.Policy;

/// <summary>A validation error about one action parameter.</summary>
/// <param name="Parameter">The parameter path under <c>params</c>, e.g. <c>localPref</c> or <c>prefixes[2]</c>.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ParameterError(string Parameter, string Message)
{
    /// <summary><c>params.localPref: 4294967296 is out of range 0..4294967295</c>.</summary>
    public override string ToString() => $"params.{Parameter}: {Message}";
}
