using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using OrleansNetOps.Analytics.Findings;

namespace OrleansNetOps.Grains.Tests.Analysis;

public sealed class FindingSerializationTests
{
    [Fact]
    public async Task A_finding_crosses_the_Orleans_serializer_whole()
    {
        await using var cluster = await GrainCluster.StartAsync();
        var serializer = cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<Serializer>();
        var subject = new FindingSubject(SubjectKind.Isp, "ISP-A");
        var finding = new Finding
        {
            Id = "f-1",
            At = new DateTimeOffset(2024, 3, 4, 5, 6, 7, TimeSpan.Zero),
            Router = "R1",
            Kind = FindingKind.CongestionForecast,
            Score = 0.75,
            Summary = "ISP-A reaches 85 % in ~23 min",
            Subject = subject,
            Evidence = [new Evidence(new DateTimeOffset(2024, 3, 4, 5, 0, 0, TimeSpan.Zero), "forecast", "trend")
                { Data = ImmutableSortedDictionary<string, string>.Empty.Add("eta", "23") }],
            CandidateCause = new CandidateCause(subject, 0.6, "utilisation trend") { Evidence = [] },
        };

        var copy = serializer.Deserialize<Finding>(serializer.SerializeToArray(finding));

        Assert.NotNull(copy);
        Assert.Equal(finding.Id, copy.Id);
        Assert.Equal(finding.At, copy.At);
        Assert.Equal(finding.Router, copy.Router);
        Assert.Equal(finding.Kind, copy.Kind);
        Assert.Equal(finding.Score, copy.Score);
        Assert.Equal(finding.Summary, copy.Summary);
        Assert.Equal(subject, copy.Subject);
        Assert.Equal("23", Assert.Single(copy.Evidence).Data["eta"]);
        Assert.Equal(finding.CandidateCause, copy.CandidateCause);
    }
}
