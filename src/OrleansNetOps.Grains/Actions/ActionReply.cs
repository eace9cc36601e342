namespace OrleansNetOps.Grains.Actions;

/// <summary>The answer to a command on an action: the HTTP status it maps to, an error, and the action's API shape.</summary>
/// <param name="Status">200 on success; 404 unknown action; 409 not allowed in its state or refused by the approval rules; 400 bad input.</param>
/// <param name="Error">What went wrong, when it did.</param>
/// <param name="Json">The action as the API returns it (null when unknown).</param>
[GenerateSerializer, Immutable]
public sealed record ActionReply(int Status, string? Error, string? Json)
{
    /// <summary>Success with the action.</summary>
    public static ActionReply Ok(string json) => new(200, null, json);
}
