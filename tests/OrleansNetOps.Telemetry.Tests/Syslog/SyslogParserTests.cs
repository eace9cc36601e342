using System.Text;
using OrleansNetOps.Telemetry.Parsing;
using OrleansNetOps.Telemetry.Syslog;

namespace OrleansNetOps.Telemetry.Tests.Syslog;

public sealed class SyslogParserTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 12, 0, 0, TimeSpan.FromHours(1));

    private static SyslogMessage Parse(string text) => SyslogParser.Parse(Encoding.UTF8.GetBytes(text), Now);

    [Fact]
    public void Rfc5424_header_fields_are_read()
    {
        var m = Parse("<165>1 2025-03-14T09:26:53.123456-05:00 edge-1.example.net bgpd 4711 PEER-DOWN - neighbor 192.0.2.9 down");

        Assert.Equal(SyslogFormat.Rfc5424, m.Format);
        Assert.Equal(SyslogFacility.Local4, m.Facility);
        Assert.Equal(SyslogSeverity.Notice, m.Severity);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.FromHours(-5)).AddTicks(1_234_560), m.Timestamp);
        Assert.Equal("edge-1.example.net", m.Hostname);
        Assert.Equal("bgpd", m.AppName);
        Assert.Equal("4711", m.ProcId);
        Assert.Equal("PEER-DOWN", m.MsgId);
        Assert.Empty(m.StructuredData);
        Assert.Equal("neighbor 192.0.2.9 down", m.Message);
    }

    [Fact]
    public void Rfc5424_nil_values_become_null()
    {
        var m = Parse("<0>1 - - - - - -");

        Assert.Equal(SyslogFacility.Kernel, m.Facility);
        Assert.Equal(SyslogSeverity.Emergency, m.Severity);
        Assert.Null(m.Timestamp);
        Assert.Null(m.Hostname);
        Assert.Null(m.AppName);
        Assert.Null(m.ProcId);
        Assert.Null(m.MsgId);
        Assert.Empty(m.StructuredData);
        Assert.Equal(string.Empty, m.Message);
    }

    [Fact]
    public void Structured_data_escapes_and_bom_are_handled()
    {
        var bytes = Encoding.UTF8.GetBytes("<14>1 2025-01-01T00:00:00Z h a - - [one@1 x=\"q\\\"uote\" y=\"back\\\\slash\" z=\"br\\]acket\" w=\"keep\\n\"][two k=\"\"] ")
            .Concat(new byte[] { 0xEF, 0xBB, 0xBF }).Concat(Encoding.UTF8.GetBytes("grüße\n")).ToArray();

        var m = SyslogParser.Parse(bytes, Now);

        Assert.Equal(2, m.StructuredData.Count);
        var one = m.StructuredData[0];
        Assert.Equal("one@1", one.Id);
        Assert.Equal("q\"uote", one["x"]);
        Assert.Equal("back\\slash", one["y"]);
        Assert.Equal("br]acket", one["z"]);
        Assert.Equal("keep\\n", one["w"]);
        Assert.Equal("two", m.StructuredData[1].Id);
        Assert.Equal(string.Empty, m.StructuredData[1]["k"]);
        Assert.Equal("grüße", m.Message);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), m.Timestamp);
    }

    [Fact]
    public void Rfc3164_takes_year_and_offset_from_the_receiver()
    {
        var m = Parse("<34>Mar  4 07:08:09 core-rtr sshd[2201]: Failed password for root");

        Assert.Equal(SyslogFormat.Rfc3164, m.Format);
        Assert.Equal(SyslogFacility.Auth, m.Facility);
        Assert.Equal(SyslogSeverity.Critical, m.Severity);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 7, 8, 9, TimeSpan.FromHours(1)), m.Timestamp);
        Assert.Equal("core-rtr", m.Hostname);
        Assert.Equal("sshd", m.AppName);
        Assert.Equal("2201", m.ProcId);
        Assert.Equal("Failed password for root", m.Message);
    }

    [Fact]
    public void Rfc3164_december_message_received_in_january_is_last_year()
    {
        var m = SyslogParser.Parse("<13>Dec 31 23:59:59 h t: x"u8, new DateTimeOffset(2026, 1, 1, 0, 0, 5, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2025, 12, 31, 23, 59, 59, TimeSpan.Zero), m.Timestamp);
    }

    [Fact]
    public void Rfc3164_without_hostname_or_tag_keeps_the_text()
    {
        var noHost = Parse("<13>Mar 14 10:00:00 kernel: link up");
        Assert.Null(noHost.Hostname);
        Assert.Equal("kernel", noHost.AppName);
        Assert.Equal("link up", noHost.Message);

        var bare = Parse("<189>%LINK-3-UPDOWN Interface Gi0/1, changed state to down");
        Assert.Null(bare.Timestamp);
        Assert.Null(bare.AppName);
        Assert.Equal("%LINK-3-UPDOWN Interface Gi0/1, changed state to down", bare.Message);
        Assert.Equal(SyslogFacility.Local7, bare.Facility);
        Assert.Equal(SyslogSeverity.Notice, bare.Severity);
    }

    [Theory]
    [InlineData("13>1 - - - - - -", 0, "'<'")]
    [InlineData("<192>1 - - - - - -", 1, "above 191")]
    [InlineData("<13x1 - - - - - -", 3, "'>'")]
    [InlineData("<13>1 2025-13-01T00:00:00Z h a p m -", 6, "out of range")]
    [InlineData("<13>1 2025-01-01T00:00:00 h a p m -", 25, "TIME-OFFSET")]
    [InlineData("<13>1 - h a p m [id x=\"v]", 24, "unescaped ']'")]
    [InlineData("<13>1 - h a p m [id x=\"v\"", 25, "']'")]
    [InlineData("<13>1 - h a p m [id x=v]", 21, "'=\"'")]
    [InlineData("<13>1 - h a p m x", 16, "STRUCTURED-DATA")]
    [InlineData("<13>1 - h a p m -x", 17, "SP between")]
    [InlineData("<13>1 - h  p m -", 10, "APP-NAME is empty")]
    [InlineData("<13>1 - h a p 0123456789012345678901234567890123 -", 14, "MSGID is 34")]
    public void Malformed_rfc5424_reports_what_and_where(string text, int offset, string reason)
    {
        var ok = SyslogParser.TryParse(Encoding.UTF8.GetBytes(text), Now, out _, out var error);

        Assert.False(ok);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal(offset, error.Offset);
        var thrown = Assert.Throws<TelemetryFormatException>(() => SyslogParser.Parse(Encoding.UTF8.GetBytes(text), Now));
        Assert.Equal(offset, thrown.Offset);
    }

    [Fact]
    public void Keywords_match_the_names_logger_uses()
    {
        Assert.Equal("local3", SyslogFacility.Local3.Name());
        Assert.Equal("authpriv", SyslogFacility.AuthPriv.Name());
        Assert.Equal("warning", SyslogSeverity.Warning.Name());
        Assert.Equal("emerg", SyslogSeverity.Emergency.Name());
        Assert.True(SyslogKeywords.TryParseFacility("local7", out var f));
        Assert.Equal(SyslogFacility.Local7, f);
        Assert.True(SyslogKeywords.TryParseSeverity("err", out var s));
        Assert.Equal(SyslogSeverity.Error, s);
        Assert.False(SyslogKeywords.TryParseFacility("nope", out _));
    }
}
