namespace OrleansNetOps.Bgp.Decision;

/// <summary>The winner of the decision process and why it beat the runner-up.</summary>
/// <param name="Best">The selected path, or null when there were no candidates.</param>
/// <param name="RunnerUp">The path that would win without <paramref name="Best"/>, or null.</param>
/// <param name="Step">The step that separated best from runner-up.</param>
public sealed record BestPathResult(CandidatePath? Best, CandidatePath? RunnerUp, DecisionStep Step)
{
    /// <summary>FRR's wording of <see cref="Step"/>, e.g. "Local Pref", "AS Path", "Router ID".</summary>
    public string Reason => BestPathSelector.Describe(Step);
}
