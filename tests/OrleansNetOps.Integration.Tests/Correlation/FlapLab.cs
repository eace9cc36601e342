namespace OrleansNetOps.Integration.Tests.Correlation;

/// <summary>The lab of <see cref="SessionFlapTests"/>.</summary>
public sealed class FlapLab() : SignalLab("flp");
