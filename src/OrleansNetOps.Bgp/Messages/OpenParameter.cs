namespace OrleansNetOps.Bgp.Messages;

/// <summary>An OPEN optional parameter other than capabilities (e.g. the deprecated authentication, type 1).</summary>
/// <param name="ParameterType">Parameter type.</param>
/// <param name="Value">Parameter value.</param>
public sealed record OpenParameter(byte ParameterType, EquatableArray<byte> Value);
