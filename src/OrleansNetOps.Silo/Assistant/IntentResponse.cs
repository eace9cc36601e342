using System.Text.Json.Nodes;

namespace OrleansNetOps.Silo.Assistant;

/// <summary>
/// The answer of <c>POST /api/v1/assistant/intent</c>: the proposed change (API.md's <c>Change</c>), how it was read,
/// and what the twin and governance would make of it. Nothing is executed; a client proposes it with <c>POST /api/v1/actions</c>.
/// </summary>
internal sealed record IntentResponse(
    JsonObject? Proposed, string Explanation, string Mode, bool Understood, IntentWhatIf? WhatIf, IntentGovernance? Governance);
