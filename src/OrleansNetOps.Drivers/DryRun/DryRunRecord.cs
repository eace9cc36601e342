using System.Collections.Immutable;

namespace OrleansNetOps.Drivers.DryRun;

/// <summary>What a dry run would have done.</summary>
/// <param name="At">When.</param>
/// <param name="Operation"><c>render</c>, <c>apply</c>, <c>execute</c> or <c>rollback</c>.</param>
/// <param name="Target">The device.</param>
/// <param name="ActionId">The action, when there is one.</param>
/// <param name="Commands">The exact commands that would have been sent.</param>
public sealed record DryRunRecord(DateTimeOffset At, string Operation, string Target, string? ActionId, ImmutableArray<string> Commands);
