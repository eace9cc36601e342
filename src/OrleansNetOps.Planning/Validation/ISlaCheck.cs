namespace OrleansNetOps.Planning.Validation;

/// <summary>
/// The VALIDATING step's judge: after a change is applied, compares the network before with after and says whether
/// to keep it. Real routers are judged from probes; the simulated network against the twin's prediction and the
/// simulator's state.
/// </summary>
public interface ISlaCheck
{
    /// <summary>Judges an applied change.</summary>
    /// <param name="request">What was applied, what the twin predicted and when.</param>
    /// <param name="cancellationToken">Cancels the measurement.</param>
    Task<SlaCheckResult> CheckAsync(SlaCheckRequest request, CancellationToken cancellationToken = default);
}
