using OrleansNetOps.Analytics.Findings;
using OrleansNetOps.Silo.Analysis;
using OrleansNetOps.Telemetry.Syslog;

namespace OrleansNetOps.Silo.Tests.Analysis;

/// <summary>bgpd's adjacency lines as FRR 8.4 logs them: a session leaving Established is a session-down finding.</summary>
public sealed class SyslogSignalTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 9, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("[RZMGQ-A03CG] %ADJCHANGE: neighbor 203.0.113.2(Unknown) in vrf default Down BGP Notification send", "203.0.113.2", "BGP Notification send", "false")]
    [InlineData("%ADJCHANGE: neighbor 2001:db8::2 in vrf default Down Admin. shutdown", "2001:db8::2", "Admin. shutdown", "true")]
    [InlineData("%ADJCHANGE: neighbor 203.0.113.14 Down Peer closed the session", "203.0.113.14", "Peer closed the session", "false")]
    public void An_adjacency_down_line_is_a_session_down_of_that_neighbour(string text, string neighbor, string reason, string planned)
    {
        var finding = SignalTranslation.Finding(Stored(text))!;

        Assert.Equal(FindingKind.SessionDown, finding.Kind);
        Assert.Equal(new FindingSubject(SubjectKind.Session, $"R1|{neighbor}"), finding.Subject);
        Assert.Equal(("R1", At), (finding.Router, finding.At));
        var evidence = Assert.Single(finding.Evidence);
        Assert.Equal(("syslog", text), (evidence.Source, evidence.Description));
        Assert.Equal((neighbor, reason, planned), (evidence.Data["neighbor"], evidence.Data["reason"], evidence.Data["planned"]));
    }

    [Theory]
    [InlineData("[M59KS-A3ZXZ] %ADJCHANGE: neighbor 203.0.113.2(Unknown) in vrf default Up")]
    [InlineData("%NOTIFICATION: sent to neighbor 203.0.113.2 4/0 (Hold Timer Expired) 0 bytes")]
    [InlineData("Interface eth1 went Down")]
    public void Other_lines_state_no_session_fault(string text) => Assert.Null(SignalTranslation.Finding(Stored(text)));

    private static StoredSyslogMessage Stored(string text) =>
        new(At, At, "R1", "udp:127.0.0.1", "udp",
            new SyslogMessage(SyslogFormat.Rfc5424, SyslogFacility.Daemon, SyslogSeverity.Notice, At, "edge-router-01", "bgpd", "42", null, [], text));
}
