using OrleansNetOps.Analytics.Logs;
using Xunit.Abstractions;

namespace OrleansNetOps.Analytics.Tests.Logs;

/// <summary>
/// Grouping accuracy on the eight loghub 2k sets, through the offline path <c>netops logs templates</c> uses
/// (<see cref="LogTemplateBatch"/> over the file's lines with the set's published format), against the ground truth.
/// </summary>
public sealed class LoghubAccuracyTests(ITestOutputHelper output)
{
    /// <summary>What each set reached when these figures were last measured, less a small margin.</summary>
    public static TheoryData<string, double> Floors => new()
    {
        { "HDFS", 0.99 },
        { "Hadoop", 0.95 },
        { "Spark", 0.91 },
        { "Zookeeper", 0.98 },
        { "BGL", 0.98 },
        { "HPC", 0.94 },
        { "Thunderbird", 0.96 },
        { "Windows", 0.99 },
    };

    [Theory]
    [MemberData(nameof(Floors))]
    public void Each_set_stays_at_its_measured_accuracy(string name, double floor)
    {
        var accuracy = Accuracy(LoghubSet.Named(name));
        output.WriteLine($"{name}: {accuracy:F4}");
        Assert.True(accuracy >= floor, $"{name}: grouping accuracy {accuracy:F4} fell below {floor:F3}");
    }

    [Fact]
    public void Mean_over_the_eight_sets_is_at_least_0_95()
    {
        var accuracies = LoghubSet.All.Select(s => (s.Name, Accuracy: Accuracy(s))).ToList();
        foreach (var (name, accuracy) in accuracies)
        {
            output.WriteLine($"| {name} | {accuracy:F3} |");
        }

        var mean = accuracies.Average(a => a.Accuracy);
        output.WriteLine($"| mean | {mean:F4} |");
        Assert.True(mean >= 0.95, $"mean grouping accuracy {mean:F4} is below 0.95");
    }

    [Theory]
    [MemberData(nameof(Floors))]
    public void The_format_extracts_the_ground_truth_content(string name, double floor)
    {
        _ = floor;
        var set = LoghubSet.Named(name);
        var format = LogFormat.Parse(set.Format);
        var truth = set.Truth();
        var lines = File.ReadLines(set.LogPath).ToList();
        Assert.Equal(truth.Count, lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            Assert.True(format.TryGetContent(lines[i], out var content), $"{name} line {i + 1} does not match its format");
            Assert.Equal(truth[i].Content, content);
        }
    }

    private static double Accuracy(LoghubSet set)
    {
        var assigned = LogTemplateBatch.Assign(File.ReadLines(set.LogPath), LogFormat.Parse(set.Format));
        var truth = set.Truth().Select(t => t.EventId).ToList();
        return GroupingAccuracy.Of(truth, [.. assigned.Select(a => a.TemplateId)]);
    }
}
