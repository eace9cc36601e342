namespace OrleansNetOps.Integration.Tests.Correlation;

/// <summary>The lab of <see cref="LinkCutCorrelationTests"/>.</summary>
public sealed class LinkCutLab() : SignalLab("cut");
