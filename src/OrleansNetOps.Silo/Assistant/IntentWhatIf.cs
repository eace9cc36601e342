namespace OrleansNetOps.Silo.Assistant;

/// <summary>The twin's verdict on a proposed change.</summary>
internal sealed record IntentWhatIf(bool Passed, double PrefixShare, IReadOnlyList<string> Routers, int ChangedPaths,
    IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings);
