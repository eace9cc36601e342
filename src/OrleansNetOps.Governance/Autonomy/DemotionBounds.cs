namespace OrleansNetOps.Governance.Autonomy;

/// <summary>
/// The <c>autonomy.demotion</c> section: a scope drops to passive when, over its last <see cref="Window"/> outcomes
/// (and at least <see cref="MinSamples"/> of them), accuracy falls below <see cref="MinAccuracy"/> or the
/// false-positive rate rises above <see cref="MaxFalsePositiveRate"/>.
/// </summary>
/// <param name="MinAccuracy">Lowest accuracy kept (0..1).</param>
/// <param name="MaxFalsePositiveRate">Highest false-positive rate kept (0..1).</param>
/// <param name="MinSamples">Outcomes needed before judging.</param>
/// <param name="Window">Outcomes remembered per scope.</param>
public sealed record DemotionBounds(double MinAccuracy = 0.9, double MaxFalsePositiveRate = 0.1, int MinSamples = 20, int Window = 50);
