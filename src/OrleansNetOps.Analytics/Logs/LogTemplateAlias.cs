namespace OrleansNetOps.Analytics.Logs;

/// <summary>A template id that was merged into another template.</summary>
/// <param name="From">The id that no longer names a template of its own.</param>
/// <param name="To">The id of the template it was merged into.</param>
public sealed record LogTemplateAlias(string From, string To);
