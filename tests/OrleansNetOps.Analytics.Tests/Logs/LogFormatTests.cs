using OrleansNetOps.Analytics.Logs;

namespace OrleansNetOps.Analytics.Tests.Logs;

public sealed class LogFormatTests
{
    [Fact]
    public void Fields_are_named_and_regex_escapes_apply()
    {
        var format = LogFormat.Parse(@"<Date> <Time> <Level> \[<Process>\] <Component>: <Content>");

        Assert.Equal(["Date", "Time", "Level", "Process", "Component", "Content"], format.Fields.ToArray());
        Assert.True(format.TryGetContent("2015-10-18 18:01:47,978 INFO [main] org.apache.MRAppMaster: Created MRAppMaster for application 1", out var content));
        Assert.Equal("Created MRAppMaster for application 1", content);
    }

    [Fact]
    public void Runs_of_spaces_match_any_white_space_and_the_line_is_trimmed()
    {
        var format = LogFormat.Parse("<Date> <Time>, <Level>   <Component>    <Content>");

        Assert.True(format.TryGetContent("  2016-09-28 04:30:30, Info\tCBS  Loaded Servicing Stack  \r", out var content));
        Assert.Equal("Loaded Servicing Stack", content);
    }

    [Fact]
    public void An_optional_group_may_be_absent()
    {
        var format = LogFormat.Parse(@"<Host> <Component>(\[<PID>\])?: <Content>");

        Assert.True(format.TryGetContent("dn228 crond[2915]: session closed", out var withPid));
        Assert.True(format.TryGetContent("dn228 kernel: eth0 up", out var withoutPid));
        Assert.Equal(("session closed", "eth0 up"), (withPid, withoutPid));
    }

    [Fact]
    public void A_line_of_another_layout_does_not_match()
    {
        var format = LogFormat.Parse("<Date> <Time> <Level> <Component>: <Content>");

        Assert.False(format.TryGetContent("just words", out var content));
        Assert.Null(content);
    }

    [Theory]
    [InlineData("<Date> <Message>", "no <Content> field")]
    [InlineData("<Date> <Date> <Content>", "<Date> at offset 7 appears twice")]
    [InlineData("<Da-te> <Content>", "<Da-te> at offset 0")]
    [InlineData("(<Date> <Content>", "not a valid pattern")]
    public void A_bad_format_says_what_is_wrong(string text, string problem)
    {
        var error = Assert.Throws<FormatException>(() => LogFormat.Parse(text));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
