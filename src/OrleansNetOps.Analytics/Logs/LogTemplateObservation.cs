using OrleansNetOps.Analytics.Findings;

namespace OrleansNetOps.Analytics.Logs;

/// <summary>What the miner made of one line.</summary>
/// <param name="TemplateId">The template the line joined (or created), as of this line; merges may later fold it into another (see <see cref="LogTemplateMiner.Resolve"/>).</param>
/// <param name="Template">That template's text after this line.</param>
/// <param name="IsNew">True when the line created the template.</param>
/// <param name="IsRare">True when, past the learning period, the template has matched few lines: under the rare share of all lines and at most the rare count.</param>
/// <param name="Finding">A <see cref="FindingKind.NewLogTemplate"/> or <see cref="FindingKind.RareLogTemplate"/> finding, when
/// one is due: past the learning period, a router given, and none about this template within the finding interval.</param>
public sealed record LogTemplateObservation(string TemplateId, string Template, bool IsNew, bool IsRare, Finding? Finding);
