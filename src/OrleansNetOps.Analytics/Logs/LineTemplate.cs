namespace OrleansNetOps.Analytics.Logs;

/// <summary>The template one line of a file belongs to.</summary>
/// <param name="Line">Line number, from 1.</param>
/// <param name="TemplateId">The template's id.</param>
/// <param name="Template">The template's text.</param>
/// <param name="MatchedFormat">False when a format was given and the line did not have it (its whole text was mined).</param>
public sealed record LineTemplate(int Line, string TemplateId, string Template, bool MatchedFormat);
