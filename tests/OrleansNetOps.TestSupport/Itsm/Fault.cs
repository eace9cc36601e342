namespace OrleansNetOps.TestSupport.Itsm;

/// <summary>A failure a stand-in plays on one request.</summary>
/// <param name="Status">The status it answers with.</param>
/// <param name="Delay">How long it waits first; a client that gives up meanwhile gets no answer and nothing is processed.</param>
/// <param name="AfterProcessing">Process the request, then answer <paramref name="Status"/> instead (the answer is lost, the effect is not).</param>
public sealed record Fault(int Status, TimeSpan Delay = default, bool AfterProcessing = false)
{
    /// <summary>Only requests with this method meet the fault (others pass it by); null for any request.</summary>
    public string? Method { get; init; }

    public static Fault Error(int status) => new(status);

    public static Fault Hang(TimeSpan delay) => new(200, delay);

    public static Fault LostAnswer(string method) => new(500, AfterProcessing: true) { Method = method };
}
