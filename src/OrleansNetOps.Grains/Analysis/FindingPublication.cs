using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Grains.Events;

namespace OrleansNetOps.Grains.Analysis;

/// <summary>
/// How any grain that detects something hands it on: each finding goes to the domain's findings stream (the
/// correlator and the incident side consume it) and, in its REST shape, to the live feed as a <c>finding</c> event.
/// </summary>
internal static class FindingPublication
{
    public static async Task PublishFindingsAsync(this Grain grain, IReadOnlyCollection<Finding> findings)
    {
        if (findings.Count == 0)
        {
            return;
        }

        var provider = grain.GetStreamProvider(NetOpsStreams.Provider);
        var findingStream = provider.GetStream<Finding>(NetOpsStreams.Findings());
        var events = provider.GetStream<NetOpsEvent>(NetOpsStreams.Events());
        foreach (var finding in findings)
        {
            await findingStream.OnNextAsync(finding);
            await events.OnNextAsync(new NetOpsEvent("finding", finding.Id, finding.At, FindingView.ToJson(finding)));
        }
    }
}
