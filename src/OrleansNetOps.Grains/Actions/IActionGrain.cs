namespace OrleansNetOps.Grains.Actions;

/// <summary>
/// A resolver: one per action (key: the action id), running SPEC §3's workflow. Every transition is persisted before
/// its side effect; reminders resume it after a silo dies and close approval windows.
/// </summary>
public interface IActionGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the action and runs its workflow up to the device: analysis, the twin's proof, the governance decision and
    /// any approval request are in the answer; the execute step (and what follows) runs after it on the grain's timer.
    /// When the action exists already (same idempotency key), returns it unchanged.
    /// </summary>
    Task<ActionReply> ProposeAsync(ActionProposal proposal);

    /// <summary>The action in the API's shape; null when there is none.</summary>
    Task<string?> GetAsync();

    /// <summary>An approver's grant.</summary>
    Task<ActionReply> ApproveAsync(string by, string? comment);

    /// <summary>An approver's refusal.</summary>
    Task<ActionReply> RejectAsync(string by, string? comment);

    /// <summary>New parameters while awaiting approval: proven and decided again; the approvals start over.</summary>
    Task<ActionReply> ModifyAsync(string by, string paramsJson, string? comment);

    /// <summary>Takes an applied change back.</summary>
    Task<ActionReply> RollbackAsync(string by);

    /// <summary>
    /// Reports how the action turned out (<paramref name="source"/>: <c>verification</c> or <c>feedback</c>) to its
    /// coordinator, for its scope's track record; false when it was never decided (it has no scope).
    /// </summary>
    Task<bool> ReportOutcomeAsync(OrleansNetOps.Governance.Autonomy.OutcomeKind outcome, string source);
}
