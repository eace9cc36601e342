using OrleansNetOps.Governance.Verification;

namespace OrleansNetOps.Grains.Actions;

/// <summary>
/// The probe windows an applied change is judged over, fixed when it is applied and persisted with the VALIDATING
/// checkpoint, so a resolver that resumes after a silo loss judges exactly the windows it would have judged.
/// </summary>
/// <param name="BeforeFrom">Start of the "before" window.</param>
/// <param name="BeforeTo">End of the "before" window: the moment the first command was sent (exclusive).</param>
/// <param name="AfterFrom">Start of the "after" window: the change was confirmed on the device and settled.</param>
/// <param name="AfterTo">End of the "after" window; the change is judged once it has passed.</param>
internal sealed record VerificationWindows(DateTimeOffset BeforeFrom, DateTimeOffset BeforeTo, DateTimeOffset AfterFrom, DateTimeOffset AfterTo)
{
    /// <summary>The windows of a change sent at <paramref name="sentAt"/> and confirmed at <paramref name="confirmedAt"/>.</summary>
    public static VerificationWindows Of(VerificationRules rules, DateTimeOffset sentAt, DateTimeOffset confirmedAt)
    {
        var afterFrom = (confirmedAt > sentAt ? confirmedAt : sentAt) + rules.Settle;
        return new VerificationWindows(sentAt - rules.Before, sentAt, afterFrom, afterFrom + rules.After);
    }
}
