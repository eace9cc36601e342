using System.Collections.Immutable;
using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Grains.Analysis;
using OrleansNetOps.Grains.Events;

namespace OrleansNetOps.Grains.Tests.Analysis;

/// <summary>Findings travel a stream: tests wait for them at the domain's correlator.</summary>
internal static class CorrelatorWait
{
    public static async Task<ImmutableArray<Finding>> FindingsAsync(IGrainFactory grains, FindingQuery query, string what)
    {
        var correlator = grains.GetGrain<IFindingCorrelatorGrain>(NetOpsStreams.DefaultDomain);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        ImmutableArray<Finding> found;
        while ((found = await correlator.GetFindingsAsync(query)).IsEmpty)
        {
            Assert.True(DateTime.UtcNow < deadline, $"no {what} reached the correlator");
            await Task.Delay(100);
        }

        return found;
    }
}
