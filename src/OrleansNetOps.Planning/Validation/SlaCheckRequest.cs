using OrleansNetOps.Bgp.Policy;
using OrleansNetOps.Governance.Decisions;

namespace OrleansNetOps.Planning.Validation;

/// <summary>An applied change to judge.</summary>
/// <param name="ActionId">The action.</param>
/// <param name="Router">Our router it changed.</param>
/// <param name="Action">Catalogue name.</param>
/// <param name="Parameters">Its params.</param>
/// <param name="Predicted">The twin's verdict on it before it ran (null for NO_ACTION).</param>
/// <param name="AppliedAt">When the driver confirmed it.</param>
public sealed record SlaCheckRequest(string ActionId, string Router, string Action, ActionParameters Parameters, TwinVerdict? Predicted, DateTimeOffset AppliedAt);
