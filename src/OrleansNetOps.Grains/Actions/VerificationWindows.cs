using OrleansNetOps.Governance.Verification;

namespace OrleansNetOps.Grains.Actions;

/// <summary>
/// The probe windows an applied change is judged over, fixed when it is applied and persisted with the VALIDATING
/// checkpoint, so a resolver that resumes after a silo loss judges exactly the windows it would have judged.
/// </summary>
/// <param name="BeforeFrom">Start of the "before" window.</param>
/// <param name="BeforeTo">End of the "before" window (exclusive): when the device's state was captured, before anything was sent.
/// It is persisted before sending, so an execution resumed after a crash keeps the real "before".</param>
/// <param name="AfterFrom">Start of the "after" window: the change was confirmed on the device and settled.</param>
/// <param name="AfterTo">End of the "after" window; the change is judged once it has passed.</param>
internal sealed record VerificationWindows(DateTimeOffset BeforeFrom, DateTimeOffset BeforeTo, DateTimeOffset AfterFrom, DateTimeOffset AfterTo)
{
    /// <summary>The windows of a change whose baseline was captured at <paramref name="capturedAt"/> and that was confirmed on the device at <paramref name="confirmedAt"/>.</summary>
    public static VerificationWindows Of(VerificationRules rules, DateTimeOffset capturedAt, DateTimeOffset confirmedAt)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var afterFrom = (confirmedAt > capturedAt ? confirmedAt : capturedAt) + rules.Settle;
        return new VerificationWindows(capturedAt - rules.Before, capturedAt, afterFrom, afterFrom + rules.After);
    }
}
