using OrleansNetOps.TestSupport;

namespace OrleansNetOps.Analytics.Tests.Logs;

/// <summary>
/// One of the loghub 2k sets in shared/data/loghub, with the <c>log_format</c> the logparser benchmark publishes for it.
/// </summary>
internal sealed record LoghubSet(string Name, string Format)
{
    public static IReadOnlyList<LoghubSet> All { get; } =
    [
        new("HDFS", "<Date> <Time> <Pid> <Level> <Component>: <Content>"),
        new("Hadoop", @"<Date> <Time> <Level> \[<Process>\] <Component>: <Content>"),
        new("Spark", "<Date> <Time> <Level> <Component>: <Content>"),
        new("Zookeeper", @"<Date> <Time> - <Level>  \[<Node>:<Component>@<Id>\] - <Content>"),
        new("BGL", "<Label> <Timestamp> <Date> <Node> <Time> <NodeRepeat> <Type> <Component> <Level> <Content>"),
        new("HPC", "<LogId> <Node> <Component> <State> <Time> <Flag> <Content>"),
        new("Thunderbird", @"<Label> <Timestamp> <Date> <User> <Month> <Day> <Time> <Location> <Component>(\[<PID>\])?: <Content>"),
        new("Windows", "<Date> <Time>, <Level>                  <Component>    <Content>"),
    ];

    public string LogPath => SharedData.Path("loghub", Name, $"{Name}_2k.log");

    public string StructuredPath => SharedData.Path("loghub", Name, $"{Name}_2k.log_structured.csv");

    public static LoghubSet Named(string name) => All.Single(s => s.Name == name);

    /// <summary>The ground-truth rows: Content and EventId of every line, from the structured CSV.</summary>
    public IReadOnlyList<(string Content, string EventId)> Truth()
    {
        var rows = Csv.Read(File.ReadAllText(StructuredPath));
        var header = rows[0];
        var content = header.IndexOf("Content");
        var eventId = header.IndexOf("EventId");
        return [.. rows.Skip(1).Select(r => (r[content], r[eventId]))];
    }
}
