using System.Collections.Immutable;
using System.Globalization;

namespace OrleansNetOps.Planning.Validation;

/// <summary>
/// Judges an applied change by the twin's prediction alone: it stays unless the prediction broke an SLA or overloaded
/// an ISP. This is the check for a network whose state the twin already is (the simulated network, whose routes the
/// twin computes); real routers need measurements, and a probe-based check replaces this one there.
/// </summary>
/// <param name="maxUtilisation">Utilisation no ISP may reach after the change (share of capacity).</param>
public sealed class PredictionSlaCheck(double maxUtilisation = 1.0) : ISlaCheck
{
    /// <inheritdoc />
    public Task<SlaCheckResult> CheckAsync(SlaCheckRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Predicted is not { } twin)
        {
            return Task.FromResult(new SlaCheckResult(true, ["no change to the network: nothing to verify"]));
        }

        var reasons = ImmutableArray.CreateBuilder<string>();
        reasons.AddRange(twin.SlaBreaches.Select(b => "predicted SLA breach: " + b));
        reasons.AddRange(twin.PerIsp.Where(i => i.UtilisationAfter >= maxUtilisation && i.UtilisationAfter > i.UtilisationBefore)
            .Select(i => $"{i.Isp} predicted at {(i.UtilisationAfter * 100).ToString("0.#", CultureInfo.InvariantCulture)} % of capacity"));
        if (!twin.Passed)
        {
            reasons.Add("the twin's what-if did not pass: " + string.Join("; ", twin.Errors));
        }

        return Task.FromResult(reasons.Count > 0
            ? new SlaCheckResult(false, reasons.ToImmutable())
            : new SlaCheckResult(true, [$"as predicted: {twin.Routers.Length} router(s) moved, blast radius {twin.Blast.ToString("0.###", CultureInfo.InvariantCulture)}, no SLA breach"]));
    }
}
